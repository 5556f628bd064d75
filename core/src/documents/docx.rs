//! DOCX through docx-rs: one column, Word's built-in heading styles, real text in order.

use super::Document;

pub fn docx(_document: &Document) -> Vec<u8> {
    unimplemented!("the DOCX renderer is being written")
}
