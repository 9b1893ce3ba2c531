#pragma once
// Private to the loader. The pieces, in the order a file goes through them:
//   read.cpp         reading a file, encoding checks, folder walks
//   decoder.cpp      one document: kind/version, then the generic typed getters below
//   yaml_number.cpp  the integer a plain scalar means in YAML 1.2 (as editors read it)
//   fields.hpp       the field tables: every key of every kind, its type, range and choices
//   decode_*.cpp     the decoders, one file per group of related kinds
//   kinds.cpp        the kind registry: one line per kind (decoder + field table)
//   merge.cpp        files → one Dataset (duplicate ids); references.cpp: cross-file references
//   schema.cpp       JSON Schemas generated from the field tables
// A new kind: a decode_<kind>.cpp with its field table and decoder, plus one line in kinds.cpp.
#include <xuncha/load/loader.hpp>
#include <xuncha/load/yaml_tree.hpp>

#include "fields.hpp"

#include <fmt/format.h>

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace xuncha::load::detail {

using Type = YNode::Type;

/// Ledger records decoded from one file (decode_ledger.cpp).
struct LedgerFileData {
  std::vector<Problem> problems;
  std::vector<Hazard> hazards;
  std::vector<Lead> leads;
  std::vector<PublicReport> reports;
  std::vector<Lookback> lookbacks;
};

/// A record the decoder rejected (a field error), still known by its id: references to it are
/// not errors of their own (references.cpp).
struct RejectedRecord {
  std::string_view kind;  ///< as references.cpp names kinds: "tour", "person", ...
  std::string id;         ///< as written (may be empty)
  Mark at;                ///< the record's id field (or the record)
  bool lost = false;      ///< its id is missing, not a valid id, or a duplicate: not its own
};

/// The records decoded from one file, merged into the Dataset afterwards.
struct FileData {
  std::vector<Region> regions;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Appointment> appointments;
  std::vector<Team> teams;
  std::vector<Tour> tours;
  std::vector<CalendarYear> calendar_years;
  std::vector<std::function<void(Policy&)>> policy;
  PolicyInput policy_input;  ///< rules: and untracked_steps:, checked by the rules layer
  LedgerFileData ledger;     ///< problem ledger (decode_ledger.cpp)
  std::vector<Diagnostic> diagnostics;
  std::vector<Diagnostic> notes;  ///< the file was skipped (a folder walk met YAML without kind:)
  std::vector<Suppression> suppressions;
  std::vector<RejectedRecord> rejected;
  /// The file, or part of it, could not be read (unreadable, not UTF-8, empty, a syntax error):
  /// the ids it holds are unknown.
  bool incomplete = false;
  /// A spreadsheet found beside the data (InputRole::unread): not read, so possibly the home of
  /// ids the data refers to.
  bool spreadsheet = false;
};

/// Errors reported per file before reading it stops.
inline constexpr std::size_t max_errors_per_file = 1000;

/// A key of a map with its key and value nodes.
struct Entry {
  std::string_view key;
  std::uint32_t key_node;
  std::uint32_t value;
};
using Entries = std::vector<Entry>;

/// The integer a plain (unquoted) scalar means in YAML 1.2's core schema, as editors read it too:
/// decimal with an optional sign, 0o octal, 0x hex, or floating-point notation of a whole number
/// (13.0, 1e1). An editor's schema sees only the value, so the loader takes every spelling of it.
/// nullopt: not such a number, or (`too_large` set) one beyond long long (yaml_number.cpp).
std::optional<long long> yaml_integer(std::string_view text, bool& too_large);

/// A diagnostic about an input file (severity error).
Diagnostic input_error(std::string_view rule, std::string file, int line, int column, Message message);

std::string join(const std::vector<std::string_view>& v);
std::string did_you_mean_zh(const std::string& hint);
std::string did_you_mean_en(const std::string& hint);
std::string child_path(std::string_view path, std::string_view key);

// Decodes the documents of one file into records, reporting every problem it meets. The kind
// decoders (decode_*.cpp) use the typed getters; ranges, choices and allowed keys come from the
// field tables, so the decoder and the JSON Schema cannot disagree.
class Decoder {
 public:
  Decoder(std::string file_name, std::uint32_t file_index, FileData& out)
      : file_(std::move(file_name)), file_index_(file_index), out_(out) {}
  const std::string& file_name() const { return file_; }

  /// True once the file reached max_errors_per_file: decoding stops.
  bool capped() const { return capped_; }
  FileData& out() { return out_; }
  const YNode& node(std::uint32_t i) const { return doc_->node(i); }
  /// A scalar's text (a view into the parsed text or the document's arena).
  std::string_view value(const YNode& n) const { return doc_->value(n); }
  const YNode& root() const { return doc_->node(doc_->root); }

  /// Decodes one document: checks kind and version, then calls the kind's decoder.
  void document(YDocument& doc, InputRole role);

  // ---- reporting ----
  void error(std::string_view rule, const YNode& at, std::string path, Message m);
  void wrong_type(const YNode& n, std::string_view path, std::string_view want_zh, std::string_view want_en);
  void missing(const YNode& map, std::string_view path, std::string_view key);
  /// Counts one step of work against the alias-bomb budget; false once it is spent.
  bool spend();

  // ---- maps and lists ----
  /// Entries of a map, with merge keys (<<) expanded and duplicate keys reported.
  Entries map_entries(const YNode& map, std::string_view path);
  static const Entry* find(const Entries& entries, std::string_view key);
  void check_keys(const Entries& entries, std::string_view path, const std::vector<std::string_view>& allowed);
  /// True when an unknown key among `entries` is most likely `key` misspelt (check_keys then says
  /// "did you mean"; a missing-field error for `key` would say the same mistake twice).
  static bool misspelt(const Entries& entries, const std::vector<std::string_view>& allowed, std::string_view key);
  /// The items of a list (null: none).
  std::vector<std::uint32_t> sequence(std::uint32_t index, std::string_view path);
  /// A list kind's document: checks the keys of `spec`, then calls `item` on each `kind[i]`.
  void each_item(const Entries& entries, const RecordSpec& spec, std::string_view kind,
                 const std::function<void(std::uint32_t, const std::string&)>& item);

  // ---- scalars ----
  std::optional<std::string> scalar_text(std::uint32_t index, std::string_view path);
  std::optional<long long> integer(std::uint32_t index, std::string_view path, long long lo = -1000000000LL,
                                   long long hi = 1000000000LL);
  std::optional<bool> boolean(std::uint32_t index, std::string_view path);
  std::optional<Date> date_value(std::uint32_t index, std::string_view path);
  /// "MM-DD"; sets month and day.
  bool month_day(std::uint32_t index, const std::string& path, int& month, int& day);
  /// Index of the value in `names`, or the value of a matching alias.
  std::optional<std::size_t> choice(std::uint32_t index, std::string_view path, std::span<const std::string_view> names,
                                    std::span<const Alias> aliases = {});
  Mark mark_of(std::uint32_t index) const {
    const YNode& n = doc_->node(index);
    return {file_index_, n.line, n.column};
  }

  // ---- records (maps described by a RecordSpec) ----
  struct Record {
    const RecordSpec* spec = nullptr;
    Entries entries;
    Source src;
    bool ok = false;
    bool bad_id = false;  ///< its id holds a character ids may not
  };
  /// A record's map: checks keys against the spec, requires its required keys, records field marks.
  Record record(std::uint32_t index, const std::string& path, const RecordSpec& spec);
  /// The spec of `key` in the record's table (nullptr: not a key of this record).
  const FieldSpec* spec_of(const Record& r, std::string_view key) const { return r.spec->find(key); }

  std::optional<std::string> text_field(Record& r, std::string_view key);
  /// Calls f(value node, path) when `key` is present; f returning false marks the record bad.
  template <class F>
  void field(Record& r, std::string_view key, F&& f) {
    if (auto e = find(r.entries, key)) {
      if (!f(e->value, child_path(r.src.path, key))) r.ok = false;
    }
  }
  /// Integer in the field table's range.
  template <class Set>
  void int_field(Record& r, std::string_view key, Set&& set) {
    const FieldSpec* s = spec_of(r, key);
    field(r, key, [&](std::uint32_t v, const std::string& p) {
      auto i = integer(v, p, s->lo, s->hi);
      if (i) set(static_cast<int>(*i));
      return i.has_value();
    });
  }
  void bool_field(Record& r, std::string_view key, bool& out);
  template <class Set>
  void date_field(Record& r, std::string_view key, Set&& set) {
    field(r, key, [&](std::uint32_t v, const std::string& p) {
      auto d = date_value(v, p);
      if (d) set(*d);
      return d.has_value();
    });
  }
  /// One of the field table's choices (or aliases).
  template <class Set>
  void choice_field(Record& r, std::string_view key, Set&& set) {
    const FieldSpec* s = spec_of(r, key);
    field(r, key, [&](std::uint32_t v, const std::string& p) {
      auto c = choice(v, p, s->choices, s->aliases);
      if (c) set(*c);
      return c.has_value();
    });
  }
  /// True when the record is whole and has an id; otherwise, when its id could be read, records
  /// it as rejected (`kind` as references.cpp names kinds).
  bool keep(const Record& r, std::string_view kind, const std::string& id);
  /// False (with an L013 error) when an id holds a character other than letters, digits, - _ .
  bool valid_id(const YNode& n, std::string_view path);
  /// A list of ids; a single scalar is accepted as a list of one.
  bool id_list(Record& r, std::string_view key, std::vector<std::string>& out);
  /// A list of months 1-12 (a season); false, with errors, when an item is not one.
  bool month_list(std::uint32_t index, const std::string& path, std::vector<int>& out);

 private:
  std::size_t errors_ = 0;
  bool capped_ = false;
  std::string file_;
  std::uint32_t file_index_;
  FileData& out_;
  YDocument* doc_ = nullptr;
  std::size_t budget_ = 0;
};

/// Reserves room in `v` for the items of the document's list `kind` (a record each, mostly).
template <class V>
void reserve_items(Decoder& d, const Entries& entries, std::string_view kind, V& v) {
  if (const Entry* list = Decoder::find(entries, kind)) {
    const YNode& n = d.node(list->value);
    if (n.type == Type::sequence) v.reserve(v.size() + n.count);
  }
}

/// Decodes a document of one kind, after kind: and version: (the document's top-level entries).
using KindDecodeFn = void (*)(Decoder&, const Entries&);

/// One registered kind: its name, its decoder and the field table of its document.
struct KindEntry {
  std::string_view kind;
  KindDecodeFn decode;
  const RecordSpec& (*document)();
};

/// Every kind, sorted by name (kinds.cpp).
std::span<const KindEntry> kind_registry();
const KindEntry* find_kind(std::string_view kind);

// The kind decoders and their document tables (decode_*.cpp).
void decode_regions(Decoder&, const Entries&);
void decode_units(Decoder&, const Entries&);
void decode_people(Decoder&, const Entries&);
void decode_appointments(Decoder&, const Entries&);
void decode_teams(Decoder&, const Entries&);
void decode_tours(Decoder&, const Entries&);
void decode_schedule(Decoder&, const Entries&);
void decode_calendar(Decoder&, const Entries&);
void decode_policy(Decoder&, const Entries&);
/// The policy's `assessment:` record (decode_assessment.cpp).
const RecordSpec& assessment_policy_spec();
void assessment_policy(Decoder&, const Entry&);
const RecordSpec& regions_document();
const RecordSpec& units_document();
const RecordSpec& people_document();
const RecordSpec& appointments_document();
const RecordSpec& teams_document();
const RecordSpec& tours_document();
const RecordSpec& schedule_document();
const RecordSpec& calendar_document();
const RecordSpec& policy_document();
/// Chinese names of a choice's values as its aliases (value i: zh[i]).
template <std::size_t N>
std::vector<Alias> zh_aliases(const std::array<std::string_view, N>& zh) {
  std::vector<Alias> out;
  for (std::size_t i = 0; i < N; ++i) out.push_back({zh[i], i});
  return out;
}
/// A policy's `ledger:` map (decode_policy_ledger.cpp).
const RecordSpec& ledger_policy_spec();
void ledger_policy(Decoder& d, const Entry& e);
// The problem ledger's kinds (decode_ledger.cpp).
void decode_problems(Decoder&, const Entries&);
void decode_hazards(Decoder&, const Entries&);
void decode_leads(Decoder&, const Entries&);
void decode_public_reports(Decoder&, const Entries&);
void decode_lookbacks(Decoder&, const Entries&);
const RecordSpec& problems_document();
const RecordSpec& hazards_document();
const RecordSpec& leads_document();
const RecordSpec& public_reports_document();
const RecordSpec& lookbacks_document();

/// Where a YAML syntax error reported at `line` most likely is, and what to fix, when a nearby
/// slip explains it (a full-width colon or space, a non-breaking space, a tab, an unclosed
/// bracket, a key without a colon): line, column and message (syntax_hint.cpp).
std::optional<std::tuple<std::uint32_t, std::uint32_t, Message>> syntax_hint(std::string_view text, std::uint32_t line,
                                                                             std::string_view message);

/// A quoted value that is not closed on its line and runs over lines that read as keys or list
/// items (`name: "武汉市` followed by `class: city`): YAML lets a quoted scalar span lines, so the
/// parser takes the rest of the file into it and reports nothing; this names the quote instead.
/// Line, column and message of the opening quote (syntax_hint.cpp).
std::optional<std::tuple<std::uint32_t, std::uint32_t, Message>> unclosed_quote(std::string_view text);

/// Yearly periods with no tour on site (decode_season.cpp): the record of one, a list of them read
/// into `out` (false when one is bad), and the policy's blocked_by_class map read into policy patches.
const RecordSpec& season_block_spec();
const RecordSpec& blocked_by_class_spec();
bool season_blocks(Decoder& d, std::uint32_t index, const std::string& path, std::vector<SeasonBlock>& out);
void blocked_by_class(Decoder& d, std::uint32_t index);

/// Decodes one input file (read.cpp reads it; decoder.cpp decodes it).
void decode_file(const InputFile& input, std::uint32_t index, const LoadOptions& options, FileData& out);

/// Merges the files' records into `data`, reporting duplicate ids (merge.cpp).
void merge_files(std::vector<FileData>& files, Dataset& data, std::vector<Diagnostic>& diags);
/// Reports references to ids that do not exist (references.cpp).
/// Ledger records without a region take their tour's.
/// References to a rejected record, or to anything while a file is incomplete, are counted
/// into one note per rejected record or incomplete file instead.
void check_references(Dataset& data, const std::vector<FileData>& files, std::vector<Diagnostic>& diags);
/// Notes on the whole data set once merged (older ledger data: evidence standing in for proof).
void ledger_notes(const Dataset& data, std::vector<Diagnostic>& notes);

}  // namespace xuncha::load::detail
