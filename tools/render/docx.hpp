#pragma once
// Word documents (.docx, WordprocessingML) written with libzip: A4 with the GB/T 9704 margins,
// styles for the title, the headings 一、（一）1., body text, tables and a page-number footer
// ("— 1 —" on the outer side); markers highlighted. Byte-identical for the same document.
#include <string>
#include <string_view>
#include <vector>

#include "render/draft_doc.hpp"

namespace xuncha::cli {

/// The document as the bytes of a .docx file.
std::string docx_document(const draft::Document& doc, bool zh);

/// The text of each paragraph (table cells included) of a .docx file's main part, in order.
/// Throws UsageError when `bytes` is not a readable .docx (`name` says which file).
std::vector<std::string> docx_paragraphs(std::string_view bytes, const std::string& name);

}  // namespace xuncha::cli
