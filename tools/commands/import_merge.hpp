#pragma once
// xuncha import --into: imported records merged into the YAML file that holds their kind.
// Records whose id the file has are updated field by field (fields the sheet does not have are
// kept); new ones are appended in the file's indentation; records the sheet lacks are kept.
// Untouched records, comments and blank lines stay byte for byte; an updated record is written
// anew (its own inline comments go).
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/import/importer.hpp>

namespace xuncha::cli {

/// One field that changes: "rank: 副厅 -> 正厅".
struct FieldChange {
  std::string id, field, before, after;
};

struct MergeResult {
  bool ok = false;
  std::string text;                  ///< the file's new text
  std::vector<FieldChange> changes;  ///< in record order
  std::vector<std::string> updated, added, kept;  ///< ids: changed, appended, not in the sheet
  std::string error;                 ///< when !ok: why the file cannot be merged into
};

/// Merges `records` of `kind` into `text` (the file holding the kind's document), writing the
/// records' source comments in Chinese when `zh`.
MergeResult merge_records(std::string_view text, std::string_view kind, const std::vector<import::Record>& records,
                          bool zh);

/// The YAML of one value as import writes it (a scalar, a flow list or flow map).
std::string yaml_scalar(const import::Value& v);

/// The lines of one record, starting with "- " at `indent` spaces, fields below it; with
/// `source`, a "# 来源：…" comment line first.
std::string yaml_record(const import::Record& r, int indent, bool zh, bool source);

}  // namespace xuncha::cli
