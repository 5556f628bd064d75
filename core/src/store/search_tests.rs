//! Search on a large journal.
