//! Verdicts on real statements: an excerpt of the 2016 debate transcripts
//! (`tests/fixtures/transcripts-2016-excerpt.jsonl`, from
//! `../shared/data/transcripts-2016/`) is imported into a scratch corpus, and
//! one quotation per edit class is verified against it.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn quoth(args: &[&str], dir: &std::path::Path, stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quoth runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// A quotation, who it is attributed to, the verdict expected, and the
/// expected edits as (op, mark, severe).
struct Case {
    class: &'static str,
    quote: &'static str,
    speaker: &'static str,
    verdict: &'static str,
    edits: &'static [(&'static str, &'static str, bool)],
}

const CASES: &[Case] = &[
    Case {
        class: "exact sub-span",
        quote: "there's nobody in our government to fight them",
        speaker: "Donald Trump",
        verdict: "verbatim",
        edits: &[],
    },
    Case {
        class: "case and punctuation",
        quote: "They're devaluing their currency and there's Nobody in our government to fight them.",
        speaker: "Donald Trump",
        verdict: "variant",
        edits: &[],
    },
    Case {
        class: "typographic quotes",
        quote: "They’re devaluing their currency, and there’s nobody in our government to fight them.",
        speaker: "Trump",
        verdict: "verbatim",
        edits: &[],
    },
    Case {
        class: "contractions spelled out",
        quote: "They are devaluing their currency and there is nobody in our government to fight them.",
        speaker: "Donald Trump",
        verdict: "variant",
        edits: &[
            ("replace", "spelling", false),
            ("replace", "spelling", false),
        ],
    },
    Case {
        class: "an acronym for the name",
        quote: "We have to stop our companies from leaving the U.S.",
        speaker: "Donald Trump",
        verdict: "variant",
        edits: &[("replace", "spelling", false)],
    },
    Case {
        class: "one word substituted",
        quote: "we have to build an economy that works for everyone, not just those at the bottom",
        speaker: "Hillary Clinton",
        verdict: "altered",
        edits: &[("replace", "unmarked", false)],
    },
    Case {
        class: "word inserted",
        quote: "I want us to invest in your bright future.",
        speaker: "Hillary Clinton",
        verdict: "altered",
        edits: &[("insert", "unmarked", false)],
    },
    Case {
        class: "word dropped",
        quote: "I also want to see companies do profit-sharing.",
        speaker: "Clinton",
        verdict: "altered",
        edits: &[("delete", "unmarked", false)],
    },
    Case {
        class: "negation flipped",
        quote: "I think Hillary and I don't agree on that.",
        speaker: "Donald Trump",
        verdict: "altered",
        edits: &[("insert", "unmarked", true)],
    },
    Case {
        class: "number changed",
        quote: "I'll be reducing taxes tremendously, from 35 percent to 25 percent for companies",
        speaker: "Donald Trump",
        verdict: "altered",
        edits: &[("replace", "unmarked", true)],
    },
    Case {
        class: "honest ellipsis",
        quote: "We have to stop our companies from leaving the United States and ... firing all of their people.",
        speaker: "Donald Trump",
        verdict: "elided",
        edits: &[("delete", "ellipsis", false)],
    },
    Case {
        class: "bracketed insertion",
        quote: "I think [Clinton] and I agree on that.",
        speaker: "Donald Trump",
        verdict: "elided",
        edits: &[("replace", "brackets", false)],
    },
    Case {
        class: "splice without ellipsis",
        quote: "The central question in this election is really what kind of country we want to be and what kind of future we'll build together. First, we have to build an economy that works for everyone",
        speaker: "Hillary Clinton",
        verdict: "altered",
        edits: &[("delete", "unmarked", false)],
    },
    Case {
        class: "misattribution",
        quote: "we have to build an economy that works for everyone, not just those at the top",
        speaker: "Donald Trump",
        verdict: "misattributed",
        edits: &[],
    },
    Case {
        class: "decoy on the same topic",
        quote: "China is cheating us and stealing our jobs every single day",
        speaker: "Donald Trump",
        verdict: "not-found",
        edits: &[],
    },
    Case {
        class: "paraphrase",
        quote: "We should put money into the future of working Americans",
        speaker: "Hillary Clinton",
        verdict: "not-found",
        edits: &[],
    },
    Case {
        class: "quoted paraphrase: the statement's content, not its words",
        quote: "China devalues its currency and nobody in government fights back against them",
        speaker: "Donald Trump",
        verdict: "paraphrase",
        edits: &[],
    },
    Case {
        class: "across two statements",
        quote: "there's nobody in our government to fight them. And we have a very good fight.",
        speaker: "Donald Trump",
        verdict: "verbatim",
        edits: &[],
    },
    Case {
        class: "across three statements",
        quote: "there's nobody in our government to fight them. And we have a very good fight. And we have a winning fight. Because they're using our country as a piggy bank to rebuild China, and many other countries are doing the same thing. So we're losing our good jobs",
        speaker: "Donald Trump",
        verdict: "verbatim",
        edits: &[],
    },
    Case {
        class: "unknown speaker",
        quote: "Make no mistake: the jobs are coming back to this state",
        speaker: "Mike Pence",
        verdict: "unknown-speaker",
        edits: &[],
    },
];

/// A new, empty scratch folder named after `test`.
fn scratch_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quoth-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Imports the JSON Lines `statements` into `dir/corpus`; what the import printed.
fn import_corpus(dir: &std::path::Path, statements: &str) -> String {
    let (code, out, err) = quoth(
        &[
            "corpus", "import", statements, "--format", "jsonl", "--corpus", "corpus",
        ],
        dir,
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    out
}

/// A scratch folder named after `test` holding the excerpt imported as `corpus`.
fn scratch_corpus(test: &str) -> std::path::PathBuf {
    let dir = scratch_dir(test);
    let excerpt = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transcripts-2016-excerpt.jsonl");
    let out = import_corpus(&dir, excerpt.to_str().unwrap());
    assert!(
        out.contains("12 statements in 2 sources imported, 2 new speakers"),
        "{out}"
    );
    dir
}

/// The verdict kind, speaker name and mention of each quote of `story`
/// checked against the excerpt.
fn check_story(dir: &std::path::Path, story: &str) -> Vec<(String, String, String)> {
    std::fs::write(dir.join("story.txt"), story).unwrap();
    let (_, out, err) = quoth(
        &[
            "check",
            "story.txt",
            "--corpus",
            "corpus",
            "--format",
            "json",
        ],
        dir,
        "",
    );
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    report["files"][0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["verdict"]["kind"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                q["speaker"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                q["speaker"]["mention"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn a_guessed_speaker_is_read_as_whoever_said_the_words_when_the_story_allows() {
    let dir = scratch_corpus("reread");
    let verdict = |kind: &str, name: &str, mention: &str| {
        (kind.to_string(), name.to_string(), mention.to_string())
    };
    // `she` first reads as the nearest subject, Trump; the words are Clinton's,
    // and the story names her just before.
    let story = "Hillary Clinton spoke after the debate. Trump had attacked her plan.\n\n\"I want us to invest in you,\" she said.\n";
    assert_eq!(
        check_story(&dir, story),
        [verdict("verbatim", "Hillary Clinton", "she")]
    );
    // A story that never names her keeps the misattribution.
    let story = "Trump had attacked the plan.\n\n\"I want us to invest in you. I want us to invest in your future,\" he said.\n";
    assert_eq!(
        check_story(&dir, story),
        [verdict("misattributed", "Trump", "he")]
    );
    // A transcript quoted in the story: the label names the speaker and is
    // no word of the quote.
    let story = "Partial transcript as follows:\n\n\"TRUMP: They're devaluing their currency, and there's nobody in our government to fight them.\"\n";
    assert_eq!(
        check_story(&dir, story),
        [verdict("verbatim", "Donald Trump", "TRUMP")]
    );
    // A middle initial does not hide a corpus speaker.
    let story = "Donald J. Trump said, \"They're going to many other countries.\"\n";
    assert_eq!(
        check_story(&dir, story),
        [verdict("verbatim", "Donald J. Trump", "Donald J. Trump")]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn words_another_speaker_only_quoted_are_no_misattribution() {
    let dir = scratch_dir("quoted");
    let statements = [
        (
            "c1",
            "Hillary Clinton",
            "speech",
            "Even the Speaker of the House, Paul Ryan, described that as “the textbook definition of a racist comment.”",
        ),
        (
            "r1",
            "Martha Raddatz",
            "debate",
            "Mr. Trump, in December, you said this. “Donald J.",
        ),
        (
            "r2",
            "Martha Raddatz",
            "debate",
            "Trump is calling for a total and complete shutdown of Muslims entering the United States until our representatives can figure out what is going on.",
        ),
        (
            "t1",
            "Donald Trump",
            "rally",
            "We will build a great wall along the southern border, and Mexico will pay for the wall.",
        ),
        (
            "t2",
            "Donald Trump",
            "rally",
            "Hillary Clinton has bad judgment on trade and on jobs and on everything else.",
        ),
    ];
    let lines: String = statements
        .iter()
        .map(|(id, speaker, doc, text)| {
            format!(
                "{}\n",
                serde_json::json!({"id": id, "speaker": speaker, "text": text, "source": format!("https://example.org/{doc}"), "date": "2016-10-09", "doc": doc})
            )
        })
        .collect();
    std::fs::write(dir.join("statements.jsonl"), lines).unwrap();
    import_corpus(&dir, "statements.jsonl");
    let story = "Paul Ryan called the remark \"the textbook definition of a racist comment\" on Tuesday.\n\nDonald Trump has called for \"a total and complete shutdown of Muslims entering the United States.\"\n\nMike Pence said, \"Hillary Clinton has bad judgment on trade and on jobs.\"\n";
    let kinds: Vec<String> = check_story(&dir, story)
        .into_iter()
        .map(|(kind, _, _)| kind)
        .collect();
    // Ryan's words are in the corpus only as Clinton quoted them; Trump's
    // only as a moderator read them out to him (the quotation running on
    // from one statement of the transcript into the next); Trump's own words
    // given to Pence are still misattributed.
    assert_eq!(kinds, ["unknown-speaker", "not-found", "misattributed"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_edit_class_gets_its_verdict_and_diff() {
    let dir = scratch_corpus("matcher");

    let input: String = CASES
        .iter()
        .map(|c| {
            format!(
                "{}\n",
                serde_json::json!({"quote": c.quote, "speaker": c.speaker})
            )
        })
        .collect();
    let (_, out, err) = quoth(&["verify", "--format", "jsonl"], &dir, &input);
    let answers: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), CASES.len(), "{err}");
    for (case, answer) in CASES.iter().zip(&answers) {
        let verdict = &answer["verdict"];
        assert_eq!(verdict["kind"], case.verdict, "{}: {verdict:#}", case.class);
        let edits: Vec<(String, String, bool)> = verdict["diff"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["op"].as_str().unwrap().into(),
                    e["mark"].as_str().unwrap().into(),
                    e["severe"].as_bool().unwrap(),
                )
            })
            .collect();
        let expected: Vec<(String, String, bool)> = case
            .edits
            .iter()
            .map(|(o, m, s)| (o.to_string(), m.to_string(), *s))
            .collect();
        assert_eq!(edits, expected, "{}: {verdict:#}", case.class);
    }
    let by_class =
        |class: &str| &answers[CASES.iter().position(|c| c.class == class).unwrap()]["verdict"];
    assert_eq!(
        by_class("misattribution")["statement"]["speakers"][0],
        "Hillary Clinton"
    );
    assert_eq!(by_class("number changed")["diff"][0]["statement"], "15");
    assert_eq!(by_class("number changed")["diff"][0]["quote"], "25");
    assert_eq!(
        by_class("across two statements")["statement"]["continues_in"],
        "trump-2016-09-26-debate-d000-0003"
    );
    // The statement shown runs from the first to the last statement joined.
    let three = &by_class("across three statements")["statement"];
    assert_eq!(three["continues_in"], "trump-2016-09-26-debate-d000-0003");
    assert!(
        three["text"]
            .as_str()
            .unwrap()
            .ends_with("some of the best plants."),
        "{three:#}"
    );
    assert_eq!(
        by_class("decoy on the same topic")["statement"]["speakers"][0],
        "Donald Trump"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
