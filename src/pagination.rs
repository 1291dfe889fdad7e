//! Cursor pagination: the lazy iterators behind the `pages()` and `items()` of the generated
//! list requests (`page[after]`/`page[before]` parameters, answers with `meta.hasMore` and
//! `meta.afterCursor`/`meta.beforeCursor`).
//!
//! A page is fetched only when the iterator is asked for it; iteration stops after the page
//! whose `meta.hasMore` is not true. An error is returned as an item and ends the iteration.
//! A server that hands back a cursor it already gave (a loop) ends it with an error, and so
//! does reaching the page limit, [`MAX_PAGES`] unless [`Pages::max_pages`] says otherwise.

use std::collections::{HashSet, VecDeque};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::response::ResponseValue;

/// The most pages one iteration fetches by default: 1000 (at the API's 100 records a page,
/// 100,000 records). Raise or lower it with [`Pages::max_pages`].
pub const MAX_PAGES: usize = 1000;

/// Fetches one page: after the given cursor, or the first page without one.
type Fetch<'a, T> = Box<dyn FnMut(Option<&str>) -> Result<ResponseValue<T>, Error> + 'a>;

/// A fetched page and its JSON form (`Null` when it cannot be serialised): read once for the
/// next cursor and, by [`Items`], for the entries.
type Fetched<T> = (ResponseValue<T>, serde_json::Value);

/// The pages of a list, fetched lazily: a page only when the iterator is asked for it, until
/// the page whose `meta.hasMore` is not true. An error (a failed call, a cursor the server
/// hands back twice, more than [`max_pages`](Self::max_pages) pages) is the last item.
#[must_use = "an iterator does nothing until it is iterated"]
pub struct Pages<'a, T> {
    operation: &'static str,
    fetch: Fetch<'a, T>,
    /// The `meta` field holding the next cursor: `afterCursor` or `beforeCursor`.
    cursor_field: &'static str,
    next: Option<String>,
    /// The SHA-256 of every cursor given so far (32 bytes each, whatever a cursor's size), to
    /// find a loop.
    seen: HashSet<[u8; 32]>,
    fetched: usize,
    max_pages: usize,
    /// Why the next item is an error (the server looped).
    stopping: Option<String>,
    done: bool,
}

impl<'a, T: Serialize> Pages<'a, T> {
    /// Pages fetched by `fetch`, the next cursor read from `meta.<cursor_field>`.
    pub(crate) fn new(
        operation: &'static str,
        cursor_field: &'static str,
        fetch: impl FnMut(Option<&str>) -> Result<ResponseValue<T>, Error> + 'a,
    ) -> Self {
        Pages {
            operation,
            fetch: Box::new(fetch),
            cursor_field,
            next: None,
            seen: HashSet::new(),
            fetched: 0,
            max_pages: MAX_PAGES,
            stopping: None,
            done: false,
        }
    }

    /// Stops after `pages` pages (at least 1): when more remain, the last item is an
    /// [`Error::Pagination`]. Default: [`MAX_PAGES`].
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.max_pages = pages.max(1);
        self
    }

    fn stop<V>(&mut self, reason: String) -> Option<Result<V, Error>> {
        self.done = true;
        Some(Err(Error::Pagination {
            operation: self.operation,
            pages: self.fetched,
            reason,
        }))
    }

    /// The next page with its JSON form: what both iterators step with.
    fn next_page(&mut self) -> Option<Result<Fetched<T>, Error>> {
        if self.done {
            return None;
        }
        if let Some(reason) = self.stopping.take() {
            return self.stop(reason);
        }
        if self.fetched == self.max_pages {
            let limit = self.max_pages;
            return self.stop(format!(
                "more pages remain after the limit of {limit}; raise it with max_pages"
            ));
        }
        let cursor = self.next.take();
        let page = match (self.fetch)(cursor.as_deref()) {
            Ok(page) => page,
            Err(mut e) => {
                self.done = true;
                if let Error::Pagination { pages, .. } = &mut e {
                    *pages = self.fetched;
                }
                return Some(Err(e));
            }
        };
        self.fetched += 1;
        let value = serde_json::to_value(&*page);
        // Hand out this page; a problem with the next one is reported after it.
        match next_cursor(&value, self.cursor_field) {
            Next::Done => self.done = true,
            Next::After(next) if !self.seen.insert(digest(&next)) => {
                self.stopping = Some(format!("the server gave the cursor {next:?} a second time"));
            }
            Next::After(next) => self.next = Some(next),
            Next::Broken(reason) => self.stopping = Some(reason),
        }
        Some(Ok((page, value.unwrap_or_default())))
    }
}

/// A cursor's SHA-256: what the loop check keeps of it.
fn digest(cursor: &str) -> [u8; 32] {
    let hash = ring::digest::digest(&ring::digest::SHA256, cursor.as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(hash.as_ref());
    out
}

/// What a page says about the next one.
enum Next {
    /// It is the last page.
    Done,
    /// The next page is after this cursor.
    After(String),
    /// It says there is more but gives no cursor to get it.
    Broken(String),
}

/// What a page (as JSON) says about the next one: its `meta.hasMore` and `meta.<field>`.
fn next_cursor(page: &Result<serde_json::Value, serde_json::Error>, field: &str) -> Next {
    let value = match page {
        Ok(value) => value,
        Err(e) => return Next::Broken(format!("the page cannot be read again: {e}")),
    };
    let meta = value.get("meta");
    let more = meta
        .and_then(|m| m.get("hasMore"))
        .and_then(serde_json::Value::as_bool);
    if more != Some(true) {
        return Next::Done;
    }
    match meta
        .and_then(|m| m.get(field))
        .and_then(serde_json::Value::as_str)
    {
        Some(cursor) if !cursor.is_empty() => Next::After(cursor.to_owned()),
        _ => Next::Broken(format!(
            "the page says there is more but gives no `meta.{field}`"
        )),
    }
}

impl<T: Serialize> Iterator for Pages<'_, T> {
    type Item = Result<ResponseValue<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(self.next_page()?.map(|(page, _)| page))
    }
}

/// The entries of every page of a list, fetched lazily (see [`Pages`]).
#[must_use = "an iterator does nothing until it is iterated"]
pub struct Items<'a, T, I> {
    pages: Pages<'a, T>,
    /// The answer's field holding the entries, e.g. `messages`.
    field: &'static str,
    buffered: VecDeque<I>,
}

impl<'a, T: Serialize, I: DeserializeOwned> Items<'a, T, I> {
    pub(crate) fn new(pages: Pages<'a, T>, field: &'static str) -> Self {
        Items {
            pages,
            field,
            buffered: VecDeque::new(),
        }
    }

    /// Stops after `pages` pages: see [`Pages::max_pages`].
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.pages = self.pages.max_pages(pages);
        self
    }
}

impl<T: Serialize, I: DeserializeOwned> Iterator for Items<'_, T, I> {
    type Item = Result<I, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Some(Ok(item));
            }
            let mut value = match self.pages.next_page()? {
                Ok((_, value)) => value,
                Err(e) => return Some(Err(e)),
            };
            let entries = value
                .get_mut(self.field)
                .map(serde_json::Value::take)
                .unwrap_or_else(|| serde_json::Value::Array(Vec::new()));
            match serde_json::from_value::<Vec<I>>(entries) {
                Ok(entries) => self.buffered.extend(entries),
                Err(e) => {
                    self.pages.done = true;
                    return Some(Err(Error::Pagination {
                        operation: self.pages.operation,
                        pages: self.pages.fetched,
                        reason: format!("the entries of `{}` do not decode: {e}", self.field),
                    }));
                }
            }
        }
    }
}

/// The pages of a generated list request, the next cursor read from `meta.<cursor_field>`.
pub fn pages<'a, T: Serialize>(
    operation: &'static str,
    cursor_field: &'static str,
    fetch: impl FnMut(Option<&str>) -> Result<ResponseValue<T>, Error> + 'a,
) -> Pages<'a, T> {
    Pages::new(operation, cursor_field, fetch)
}

/// The entries of a generated list request's pages, from the answers' field `field`.
pub fn items<'a, T: Serialize, I: DeserializeOwned>(
    pages: Pages<'a, T>,
    field: &'static str,
) -> Items<'a, T, I> {
    Items::new(pages, field)
}

/// `page` with `key` (`after` or `before`) set to `cursor` and the other direction left out:
/// how a generated list request asks for the page after a cursor.
pub fn with_cursor<P>(
    operation: &'static str,
    page: Option<&P>,
    key: &str,
    cursor: &str,
) -> Result<P, Error>
where
    P: Serialize + DeserializeOwned,
{
    let mut value = match page {
        Some(page) => serde_json::to_value(page).unwrap_or_default(),
        None => serde_json::Value::Object(Default::default()),
    };
    if let Some(map) = value.as_object_mut() {
        map.remove("after");
        map.remove("before");
        map.insert(key.to_owned(), serde_json::Value::String(cursor.to_owned()));
    }
    serde_json::from_value(value).map_err(|e| Error::Pagination {
        operation,
        pages: 0,
        reason: format!("the cursor {cursor:?} is not a valid `page[{key}]`: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, OperationInfo};
    use crate::response::RawResponse;

    const LIST: OperationInfo = OperationInfo::new("listThings", Method::Get, "/things");

    /// A page as the API answers it.
    fn page(
        entries: &[u32],
        next: Option<&str>,
    ) -> Result<ResponseValue<serde_json::Value>, Error> {
        answer(serde_json::json!({
            "things": entries,
            "meta": {"hasMore": next.is_some(), "afterCursor": next},
        }))
    }

    fn answer(body: serde_json::Value) -> Result<ResponseValue<serde_json::Value>, Error> {
        RawResponse {
            operation: &LIST,
            status: 200,
            headers: Default::default(),
            body: body.to_string().into_bytes(),
            attempts: 1,
            done_by_earlier_attempt: false,
            maybe_processed_before: false,
        }
        .json()
    }

    #[test]
    fn pages_are_fetched_lazily_until_the_last() {
        let asked = std::cell::RefCell::new(Vec::new());
        let pages = Pages::new("listThings", "afterCursor", |cursor: Option<&str>| {
            asked.borrow_mut().push(cursor.map(str::to_owned));
            match cursor {
                None => page(&[1, 2], Some("c1")),
                Some("c1") => page(&[3], Some("c2")),
                _ => page(&[4], None),
            }
        });
        let mut items = Items::<_, u32>::new(pages, "things");
        assert_eq!(items.next().unwrap().unwrap(), 1);
        assert_eq!(asked.borrow().len(), 1, "only the first page so far");
        let rest: Vec<u32> = items.map(Result::unwrap).collect();
        assert_eq!(rest, [2, 3, 4]);
        assert_eq!(
            *asked.borrow(),
            [None, Some("c1".to_owned()), Some("c2".to_owned())]
        );
    }

    #[test]
    fn a_looping_cursor_ends_with_an_error() {
        let mut calls = 0;
        let pages = Pages::new("listThings", "afterCursor", |_: Option<&str>| {
            calls += 1;
            page(&[calls], Some("same"))
        });
        let results: Vec<_> = pages.collect();
        assert_eq!(results.len(), 3, "two pages, then the error");
        assert!(results[..2].iter().all(Result::is_ok));
        assert!(
            matches!(&results[2], Err(Error::Pagination { pages: 2, reason, .. }) if reason.contains("second time")),
            "{:?}",
            results[2].as_ref().err()
        );
    }

    #[test]
    fn more_without_a_cursor_is_an_error_not_the_end() {
        let pages = Pages::new("listThings", "afterCursor", |_: Option<&str>| {
            answer(serde_json::json!({"things": [1], "meta": {"hasMore": true}}))
        });
        let results: Vec<_> = pages.collect();
        assert_eq!(results.len(), 2);
        assert!(
            matches!(&results[1], Err(Error::Pagination { pages: 1, reason, .. }) if reason.contains("no `meta.afterCursor`"))
        );
    }

    #[test]
    fn the_page_limit_and_errors_end_the_iteration() {
        let pages = Pages::new("listThings", "afterCursor", |cursor: Option<&str>| {
            let n: u32 = cursor.map_or(0, |c| c.parse().unwrap_or(0));
            page(&[n], Some(&(n + 1).to_string()))
        })
        .max_pages(3);
        let results: Vec<_> = pages.collect();
        assert_eq!(results.len(), 4);
        assert!(matches!(
            &results[3],
            Err(Error::Pagination { pages: 3, .. })
        ));

        let mut failing =
            Pages::new(
                "listThings",
                "afterCursor",
                |cursor: Option<&str>| match cursor {
                    None => page(&[1], Some("c1")),
                    Some(_) => Err(Error::invalid("page", "boom")),
                },
            );
        assert!(failing.next().unwrap().is_ok());
        assert!(failing.next().unwrap().is_err());
        assert!(failing.next().is_none(), "an error ends the iteration");
    }
}
