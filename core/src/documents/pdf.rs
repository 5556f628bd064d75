//! PDF through krilla with embedded fonts: one column, text in reading order.

use super::Document;

pub fn pdf(_document: &Document) -> Vec<u8> {
    unimplemented!("the PDF renderer is being written")
}
