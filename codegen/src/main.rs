//! `sunshine-conversations-codegen diff OLD.yaml NEW.yaml [--json | --format changelog]`: what
//! changes in the generated Rust API from one document to the other (see the library's `diff`
//! module). Exit status: 0 when nothing is breaking, 1 when something is, 2 for a usage error
//! or a document the generator cannot read (the message names the file and the pointer).

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: sunshine-conversations-codegen diff OLD.yaml NEW.yaml \
[--json | --format markdown|json|changelog]";

enum Format {
    Markdown,
    Json,
    Changelog,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (format, files) = match parse(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let [old, new] = files;
    let report =
        match sunshine_conversations_codegen::diff(Path::new(&old), &old, Path::new(&new), &new) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
    let text = match format {
        Format::Markdown => report.markdown(),
        Format::Json => report.json(),
        Format::Changelog => report.changelog(),
    };
    println!("{}", text.trim_end());
    if report.breaking() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(args: &[String]) -> Result<(Format, [String; 2]), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command".to_owned());
    };
    if command != "diff" {
        return Err(format!("unknown command `{command}`"));
    }
    let mut format = Format::Markdown;
    let mut files = Vec::new();
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => format = Format::Json,
            "--format" => {
                format = match rest.next().map(String::as_str) {
                    Some("markdown") => Format::Markdown,
                    Some("json") => Format::Json,
                    Some("changelog") => Format::Changelog,
                    other => {
                        return Err(format!(
                            "--format takes markdown, json or changelog, not {other:?}"
                        ));
                    }
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => files.push(file.to_owned()),
        }
    }
    match <[String; 2]>::try_from(files) {
        Ok(files) => Ok((format, files)),
        Err(files) => Err(format!("diff takes two documents, not {}", files.len())),
    }
}
