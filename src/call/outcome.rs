//! What the attempts of one call did: the record every answer and every error of a call
//! carries, written by the request loop (`call/mod.rs`) and nowhere else.

use crate::call::retry::Failed;

/// What a call's attempts did: how many were sent, whether the server may have processed the
/// request, and whether sending it again is harmless. Every error of a sent request carries it
/// ([`Error::outcome`](crate::Error::outcome)), and so does every answer
/// ([`ResponseValue::outcome`](crate::ResponseValue::outcome)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Outcome {
    /// How many attempts were sent (0: the call ended before its first: cancelled, past its
    /// deadline, or held back by a server's wait).
    pub attempts: u32,
    /// Whether the server may have processed the request although the call failed: this
    /// attempt or an earlier one may have reached it whole (an answer that does not rule it out,
    /// a connection cut after sending, a timeout waiting for the answer). Never for a download,
    /// which changes nothing on the server.
    pub may_have_been_processed: bool,
    /// Whether sending the request again is harmless even if it was processed (the generator's
    /// facts table says which operations are: deletes, reads, media tokens).
    pub harmless_to_repeat: bool,
    /// Whether an earlier attempt, whose answer was lost, did what the call asked: a delete
    /// retried after a lost answer that finds the attachment gone.
    pub done_by_earlier_attempt: bool,
    /// Whether a retry the rule allowed was held back because the client's shared retry quota
    /// could not pay for it (see [`RetryPolicy`](crate::RetryPolicy)).
    pub retries_held_back: bool,
    /// What ended the call, as the loop judged it: the last attempt's failure, or the deadline.
    /// [`Error::is_retryable`](crate::Error::is_retryable) reads it, so that it says what the
    /// loop's own rule said.
    pub(crate) ended_by: Option<Failed>,
}

impl Outcome {
    /// The record of a call that has sent nothing, for an error made before the loop's record
    /// is at hand (a source that fails while its body is made): the loop puts its own in its
    /// place ([`Error::with_outcome`](crate::Error)).
    pub(crate) fn unsent() -> Outcome {
        Outcome::new(false)
    }

    /// The record of a call of an operation that is `harmless_to_repeat`, before any attempt.
    pub(crate) fn new(harmless_to_repeat: bool) -> Outcome {
        Outcome {
            attempts: 0,
            may_have_been_processed: false,
            harmless_to_repeat,
            done_by_earlier_attempt: false,
            retries_held_back: false,
            ended_by: None,
        }
    }
}
