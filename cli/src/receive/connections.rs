//! The receiver's open connections: how many, and which are still sending their request head
//! (the ones closed to make room, oldest first).

use std::collections::BTreeMap;
use std::io::Write;
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use super::Shared;

/// Connections served at once.
const MAX_OPEN: usize = 256;

/// The open connections: how many, and which are still sending their request head (the ones
/// closed to make room, oldest first).
#[derive(Default)]
pub(super) struct Connections {
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    count: usize,
    next_id: u64,
    waiting_for_head: BTreeMap<u64, Arc<TcpStream>>,
}

/// A connection's place among the open ones; gives it back when dropped.
pub(super) struct Slot {
    id: u64,
    shared: Arc<Shared>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.shared.connections.lock();
        open.count -= 1;
        open.waiting_for_head.remove(&self.id);
    }
}

impl Connections {
    fn lock(&self) -> MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A slot for a new connection, closing the one that has waited longest for its head when
    /// all are taken; `None` when every slot serves a request past its head.
    pub(super) fn admit(&self, stream: &Arc<TcpStream>, shared: &Arc<Shared>) -> Option<Slot> {
        let mut open = self.lock();
        if open.count >= MAX_OPEN && !close_oldest(&mut open) {
            return None;
        }
        open.count += 1;
        open.next_id += 1;
        let id = open.next_id;
        open.waiting_for_head.insert(id, Arc::clone(stream));
        Some(Slot {
            id,
            shared: Arc::clone(shared),
        })
    }

    /// The connection of `slot` has sent its head: it is no longer the first to be closed.
    pub(super) fn head_received(&self, slot: &Slot) {
        self.lock().waiting_for_head.remove(&slot.id);
    }

    pub(super) fn close_oldest_waiting(&self) {
        close_oldest(&mut self.lock());
    }
}

/// Shuts down the connection that has waited longest for its head (its thread then answers
/// nobody and ends); whether there was one.
fn close_oldest(open: &mut Open) -> bool {
    match open.waiting_for_head.pop_first() {
        Some((_, stream)) => {
            let _ = stream.shutdown(Shutdown::Both);
            true
        }
        None => false,
    }
}

/// Answers `503` to a connection there is no room for.
pub(super) fn busy(stream: &TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let mut stream = stream;
    let body = "busy; try again\n";
    let _ = write!(
        stream,
        "HTTP/1.1 503 Service Unavailable\r\nretry-after: 1\r\ncontent-type: text/plain\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
}
