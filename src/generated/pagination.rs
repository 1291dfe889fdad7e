//! Cursor pagination: the lazy iterators behind the `pages()` and `items()` of the generated
//! list requests (`page[after]`/`page[before]` parameters, answers with `meta.hasMore` and
//! `meta.afterCursor`/`meta.beforeCursor`).
//!
//! A page is fetched only when the iterator is asked for it; iteration stops after the page
//! whose `meta.hasMore` is not true. An error is returned as an item and ends the iteration.
//! A server that hands back a cursor it already gave (a loop) ends it with an error, and so
//! does reaching the page limit, [`MAX_PAGES`] unless [`Pages::max_pages`] says otherwise.
//!
//! The answers are read as the typed models they are: the generator implements [`ListPage`]
//! for each list's answer, naming its cursor and its entries.

use std::collections::{HashSet, VecDeque};

use crate::call::response::ResponseValue;
use crate::error::Error;

/// The most pages one iteration fetches by default: 1000 (at the API's 100 records a page,
/// 100,000 records). Raise or lower it with [`Pages::max_pages`].
pub const MAX_PAGES: usize = 1000;

/// The answer of a cursor-paginated list, as the generator knows it: whether more pages
/// follow, the cursor of the next one, and the entries. Implemented by the generated answer
/// model of each list (`types::AppListResponse`, ...).
pub trait ListPage {
    /// An entry of the list (`types::App`, ...).
    type Entry;
    /// Where the next page's cursor is, for errors: `meta.afterCursor` or `meta.beforeCursor`.
    const CURSOR: &'static str;
    /// `meta.hasMore`: whether more pages follow (`false` when the page does not say).
    fn has_more(&self) -> bool;
    /// The cursor of the next page, if the page gives one.
    fn next_cursor(&self) -> Option<&str>;
    /// The page's entries.
    fn into_entries(self) -> Vec<Self::Entry>;
}

/// Fetches one page: after the given cursor, or the first page without one.
type Fetch<'a, T> = Box<dyn FnMut(Option<&str>) -> Result<ResponseValue<T>, Error> + 'a>;

/// The pages of a list, fetched lazily: a page only when the iterator is asked for it, until
/// the page whose `meta.hasMore` is not true. An error (a failed call, a cursor the server
/// hands back twice, more than [`max_pages`](Self::max_pages) pages) is the last item.
#[must_use = "an iterator does nothing until it is iterated"]
pub struct Pages<'a, T> {
    operation: &'static str,
    fetch: Fetch<'a, T>,
    next: Option<String>,
    /// The SHA-256 of every cursor given so far (32 bytes each, whatever a cursor's size), to
    /// find a loop.
    seen: HashSet<[u8; 32]>,
    fetched: usize,
    max_pages: usize,
    /// Why the next item is an error (the server looped).
    stopping: Option<String>,
    /// What the attempts of the last page's call did, for the error that stops the pages.
    last: crate::call::outcome::Outcome,
    done: bool,
}

impl<'a, T: ListPage> Pages<'a, T> {
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
            outcome: self.last,
        }))
    }
}

impl<T: ListPage> Iterator for Pages<'_, T> {
    type Item = Result<ResponseValue<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
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
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        self.fetched += 1;
        self.last = *page.outcome();
        // Hand out this page; a problem with the next one is reported after it.
        if !page.has_more() {
            self.done = true;
        } else {
            match page.next_cursor().filter(|c| !c.is_empty()) {
                Some(next) if !self.seen.insert(digest(next)) => {
                    self.stopping =
                        Some(format!("the server gave the cursor {next:?} a second time"));
                }
                Some(next) => self.next = Some(next.to_owned()),
                None => {
                    self.stopping = Some(format!(
                        "the page says there is more but gives no `{}`",
                        T::CURSOR
                    ))
                }
            }
        }
        Some(Ok(page))
    }
}

/// A cursor's SHA-256: what the loop check keeps of it.
fn digest(cursor: &str) -> [u8; 32] {
    let hash = ring::digest::digest(&ring::digest::SHA256, cursor.as_bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(hash.as_ref());
    out
}

/// The entries of every page of a list, fetched lazily (see [`Pages`]).
#[must_use = "an iterator does nothing until it is iterated"]
pub struct Items<'a, T: ListPage> {
    pages: Pages<'a, T>,
    buffered: VecDeque<T::Entry>,
}

impl<'a, T: ListPage> Items<'a, T> {
    /// Stops after `pages` pages: see [`Pages::max_pages`].
    pub fn max_pages(mut self, pages: usize) -> Self {
        self.pages = self.pages.max_pages(pages);
        self
    }
}

impl<T: ListPage> Iterator for Items<'_, T> {
    type Item = Result<T::Entry, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.buffered.extend(page.into_inner().into_entries()),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// The pages of a generated list request, fetched by `fetch`, given the cursor of the page to
/// fetch (none for the first).
pub fn pages<'a, T: ListPage>(
    operation: &'static str,
    fetch: impl FnMut(Option<&str>) -> Result<ResponseValue<T>, Error> + 'a,
) -> Pages<'a, T> {
    Pages {
        operation,
        fetch: Box::new(fetch),
        next: None,
        seen: HashSet::new(),
        fetched: 0,
        max_pages: MAX_PAGES,
        stopping: None,
        // The first page's record replaces it before anything reads it (a list stops only
        // after a page); a list is a read, harmless to repeat.
        last: crate::call::outcome::Outcome::new(true),
        done: false,
    }
}

/// The entries of a generated list request's pages.
pub fn items<T: ListPage>(pages: Pages<'_, T>) -> Items<'_, T> {
    Items {
        pages,
        buffered: VecDeque::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::call::request::{Method, OperationInfo};
    use crate::call::response::RawResponse;

    const LIST: OperationInfo = OperationInfo::new("listThings", Method::Get, "/things");

    /// A list's answer, as a generated model holds it.
    #[derive(serde::Deserialize)]
    struct Things {
        things: Vec<u32>,
        meta: Option<Meta>,
    }

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Meta {
        has_more: Option<bool>,
        after_cursor: Option<String>,
    }

    /// What the generator writes for such a model (where it writes `.as_ref().map(|c|
    /// c.as_str())`, as a cursor may be a newtype of `String`).
    impl ListPage for Things {
        type Entry = u32;
        const CURSOR: &'static str = "meta.afterCursor";
        fn has_more(&self) -> bool {
            self.meta.as_ref().and_then(|m| m.has_more).unwrap_or(false)
        }
        fn next_cursor(&self) -> Option<&str> {
            self.meta.as_ref().and_then(|m| m.after_cursor.as_deref())
        }
        fn into_entries(self) -> Vec<u32> {
            self.things
        }
    }

    /// A page as the API answers it.
    fn page(entries: &[u32], next: Option<&str>) -> Result<ResponseValue<Things>, Error> {
        answer(serde_json::json!({
            "things": entries,
            "meta": {"hasMore": next.is_some(), "afterCursor": next},
        }))
    }

    fn answer(body: serde_json::Value) -> Result<ResponseValue<Things>, Error> {
        RawResponse {
            operation: &LIST,
            status: 200,
            headers: Default::default(),
            body: body.to_string().into_bytes(),
            outcome: crate::call::outcome::Outcome::new(true),
        }
        .json()
    }

    #[test]
    fn pages_are_fetched_lazily_until_the_last() {
        let asked = std::cell::RefCell::new(Vec::new());
        let pages = pages("listThings", |cursor: Option<&str>| {
            asked.borrow_mut().push(cursor.map(str::to_owned));
            match cursor {
                None => page(&[1, 2], Some("c1")),
                Some("c1") => page(&[3], Some("c2")),
                _ => page(&[4], None),
            }
        });
        let mut items = items(pages);
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
        let pages = pages("listThings", |_: Option<&str>| {
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
        let pages = pages("listThings", |_: Option<&str>| {
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
        let limited = pages("listThings", |cursor: Option<&str>| {
            let n: u32 = cursor.map_or(0, |c| c.parse().unwrap_or(0));
            page(&[n], Some(&(n + 1).to_string()))
        })
        .max_pages(3);
        let results: Vec<_> = limited.collect();
        assert_eq!(results.len(), 4);
        assert!(matches!(
            &results[3],
            Err(Error::Pagination { pages: 3, .. })
        ));

        let mut failing = pages("listThings", |cursor: Option<&str>| match cursor {
            None => page(&[1], Some("c1")),
            Some(_) => Err(Error::invalid("page", "boom")),
        });
        assert!(failing.next().unwrap().is_ok());
        assert!(failing.next().unwrap().is_err());
        assert!(failing.next().is_none(), "an error ends the iteration");
    }
}
