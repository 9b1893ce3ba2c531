#pragma once
// A drafted document as a printable page (the shared print frame, A4 portrait, GB/T 9704) and
// as json (the same paragraphs and tables, for scripts and for the docx read-back test).
#include <string>

#include "base/context.hpp"
#include "render/draft_doc.hpp"

namespace xuncha::cli {

/// The document as one self-contained printable page; markers boxed.
std::string draft_html(const Context& ctx, const draft::Document& doc);

/// The document as `xuncha draft -f json` (output schema "draft").
std::string draft_json(const Context& ctx, const draft::Document& doc);

}  // namespace xuncha::cli
