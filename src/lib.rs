//! quoth checks the quotations in a news story against what the quoted people
//! actually said.
//!
//! The modules follow the pipeline: [`load`] reads a story, [`extract`] finds
//! its quotations, cues and speaker mentions, [`resolve`] links mentions to
//! entities and corpus speakers, [`matcher`] judges each quotation against
//! the [`corpus`], and [`report`] renders the findings. [`pipeline`] runs the
//! stages over one story; [`cli`] is the command line.

pub mod atomic;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod extract;
pub mod load;
pub mod matcher;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod review;
pub mod selfcheck;
pub mod span;
