//! File names as they are written into a multipart part header: quoted, ASCII, free of
//! control characters, never `filename*` (common multipart parsers reject it), and still
//! recognisable: every script is transliterated by `deunicode`, and the extension always
//! survives.

/// The longest name written, in bytes.
const MAX_LEN: usize = 200;

/// The longest extension kept whole when a name is shortened, in bytes (the dot included).
const MAX_EXTENSION: usize = 16;

/// Makes a file name safe to put in a quoted `filename="..."` parameter:
///
/// - characters outside ASCII are transliterated by [`deunicode`](https://docs.rs/deunicode)
///   (`é` → `e`, `ß` → `ss`, `Ж` → `Zh`, `履歴書` → `Lu Li Shu`, `–` → `-`); combining marks
///   vanish, so a decomposed name (`e` + U+0301, as macOS writes names) gives what the
///   composed one gives; what has no spelling becomes `_`;
/// - then `"` becomes `'`, and backslashes, slashes and control characters (CR, LF, NUL, ...)
///   become `_`;
/// - the result is at most 200 bytes, shortened before its extension, and never empty.
///
/// ```
/// use sunshine_conversations_client::sanitize_file_name;
///
/// assert_eq!(sanitize_file_name("résumé – 履歴書.pdf"), "resume - Lu Li Shu.pdf");
/// assert_eq!(sanitize_file_name("re\u{301}sume\u{301}.pdf"), "resume.pdf");
/// assert_eq!(sanitize_file_name("a\"b\r\n.txt"), "a'b__.txt");
/// ```
pub fn sanitize_file_name(name: &str) -> String {
    let ascii = transliterate(name);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        match c {
            '"' => out.push('\''),
            '\\' | '/' => out.push('_'),
            c if c.is_ascii_control() || !c.is_ascii() => out.push('_'),
            c => out.push(c),
        }
    }
    if out.len() > MAX_LEN {
        let extension = match out.rfind('.') {
            Some(dot) if out.len() - dot <= MAX_EXTENSION && !out[dot..].contains(' ') => {
                out[dot..].to_owned()
            }
            _ => String::new(),
        };
        out.truncate(MAX_LEN - extension.len());
        out.push_str(&extension);
    }
    if out.trim_matches(['.', ' ', '_']).is_empty() {
        out = "file".to_owned();
    }
    out
}

/// The name a download of `media_url` is saved under when none is given: the URL's last path
/// segment, percent-decoded and made safe by [`sanitize_file_name`] (its query and fragment
/// left out), or `download` when it has none.
///
/// ```
/// use sunshine_conversations_client::file_name_from_url;
///
/// assert_eq!(file_name_from_url("https://m.example/a/r%C3%A9sum%C3%A9.pdf?sig=1"), "resume.pdf");
/// assert_eq!(file_name_from_url("https://m.example/"), "download");
/// ```
pub fn file_name_from_url(media_url: &str) -> String {
    let path = media_url.split(['?', '#']).next().unwrap_or(media_url);
    let after_scheme = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segment = after_scheme
        .split_once('/')
        .and_then(|(_, path)| path.rsplit('/').next())
        .unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
    if decoded.trim().is_empty() {
        "download".to_owned()
    } else {
        sanitize_file_name(&decoded)
    }
}

/// `name` in ASCII: each run of other characters transliterated. deunicode ends a word of
/// some scripts (CJK) with a space; it is dropped where a run ends before punctuation or the
/// end (`履歴書.pdf` → `Lu Li Shu.pdf`), and kept before a letter or digit.
fn transliterate(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    let mut rest = name;
    while let Some(start) = rest.find(|c: char| !c.is_ascii()) {
        out.push_str(&rest[..start]);
        let run = &rest[start..];
        let end = run.find(|c: char| c.is_ascii()).unwrap_or(run.len());
        let (run, after) = run.split_at(end);
        let spelled = deunicode::deunicode_with_tofu_cow(run, "_");
        let next_is_word = after.starts_with(|c: char| c.is_ascii_alphanumeric());
        if next_is_word || run.ends_with(char::is_whitespace) {
            out.push_str(&spelled);
        } else {
            out.push_str(spelled.trim_end());
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_are_neutralised() {
        assert_eq!(
            sanitize_file_name("a\"b\r\nc\\d/e\0.txt"),
            "a'b__c_d_e_.txt"
        );
        assert_eq!(sanitize_file_name("résumé.pdf"), "resume.pdf");
        assert_eq!(sanitize_file_name(""), "file");
        assert_eq!(sanitize_file_name(".."), "file");
        assert_eq!(sanitize_file_name("x;y=z.txt"), "x;y=z.txt");
    }

    #[test]
    fn names_stay_recognisable() {
        assert_eq!(
            sanitize_file_name("résumé – 履歴書.pdf"),
            "resume - Lu Li Shu.pdf"
        );
        assert_eq!(sanitize_file_name("re\u{301}sume\u{301}.pdf"), "resume.pdf");
        assert_eq!(
            sanitize_file_name("Straße “Nord”.png"),
            "Strasse 'Nord'.png"
        );
        assert_eq!(sanitize_file_name("Отчёт.docx"), "Otchiot.docx");
        assert_eq!(sanitize_file_name("Ελλάδα.jpg"), "Ellada.jpg");
        assert_eq!(sanitize_file_name("Tiếng Việt.txt"), "Tieng Viet.txt");
        assert_eq!(sanitize_file_name("日本.png"), "Ri Ben.png");
        assert_eq!(sanitize_file_name("“½”.txt"), "'1_2'.txt");
        assert_eq!(sanitize_file_name("a\u{85}b\u{202e}.txt"), "ab.txt");
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "é".repeat(300));
        let sent = sanitize_file_name(&long);
        assert_eq!(sent.len(), 200);
        assert!(sent.ends_with("eee.pdf"), "{sent}");
    }
}
