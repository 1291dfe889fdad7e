/// How a request may be sent again after a failure.
///
/// The one definition: the generator decides with it (the facts table), and writes this very
/// file into the generated code (`operations::info`), where the client's retries read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Sending it twice has the effect of sending it once: it may be retried after any failure
    /// that can be transient (`502`, `503`, `504`, a dropped connection).
    Idempotent,
    /// Retried only when the server surely did not act on it: the connection was never made,
    /// the answer was `429`, or `503` with `Retry-After`. Never after the body may have been
    /// processed (`500`, `502`, `504`, a connection cut after sending).
    OnlyIfNotProcessed,
}
