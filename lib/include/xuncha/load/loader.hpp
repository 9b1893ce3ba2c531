#pragma once
#include <optional>
#include <string>
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/load/file_read.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::load {

/// What an input file may hold.
enum class InputRole : std::uint8_t {
  data,      ///< any kind
  policy,    ///< --policy FILE: only `kind: policy`
  calendar,  ///< --calendar FILE: only `kind: calendar` (kind and version may be omitted)
  unread,    ///< a spreadsheet a folder walk found beside the data: not read, only noted (and
             ///< named when references the data makes are to ids nowhere else)
};

/// One input: a path to read, or text already read (standard input, tests, fuzzers).
struct InputFile {
  std::string name;
  std::optional<std::string> text;
  InputRole role = InputRole::data;
  bool walked = false;  ///< found by a folder walk: skipped with a note when no document has kind:
};

struct LoadOptions {
  unsigned jobs = 1;                                ///< files parsed in parallel
  std::size_t max_file_bytes = default_max_file_bytes;  ///< larger files are refused
};

/// An inline suppression comment: `# xuncha: ignore[C103, D201] -- reason`.
struct Suppression {
  std::string file;
  int line = 0, column = 0;        ///< of the comment
  std::vector<std::string> rules;  ///< as written
  std::string reason;              ///< empty when missing
};

/// The data set and every diagnostic found while building it.
struct LoadResult {
  Dataset data;
  std::vector<Diagnostic> diagnostics;  ///< sorted; all are errors
  std::vector<Diagnostic> notes;        ///< severity info, in input order: files a folder walk skipped
  std::vector<Suppression> suppressions;  ///< inline `# xuncha: ignore[...]` comments, in input order
  bool ok() const { return diagnostics.empty(); }
};

/// How folders are walked.
struct WalkOptions {
  /// Shell globs (fnmatch; `*` also crosses `/`) matched against each path relative to the folder
  /// walked and against its name alone; a matching folder is skipped with all it holds.
  std::vector<std::string> exclude;
};

/// Expands paths: a folder gives its `*.yaml`/`*.yml` files recursively, sorted (then the
/// spreadsheets beside them, as InputRole::unread; other documents get a note), leaving out
/// hidden files and folders (names starting with "."), --exclude matches and the repository
/// configuration file (xuncha.yaml); files found this way are marked `walked`. A path named
/// explicitly is always read. "-" is kept as is for the caller to read. Problems (missing path,
/// unreadable folder) become diagnostics.
std::vector<InputFile> expand_paths(const std::vector<std::string>& paths, std::vector<Diagnostic>& diagnostics,
                                    const WalkOptions& walk = {});

/// xuncha.yaml or .xuncha.yaml: the repository configuration, never data.
bool is_config_name(std::string_view name);

/// Reads, parses and decodes every input, then checks ids and references across files.
/// The output is identical for every `jobs`.
LoadResult load(std::vector<InputFile> inputs, const LoadOptions& options = {});

/// Validates UTF-8; returns an empty string when fine, else the problem (GBK hint included).
/// Sets line/column (1-based) of the first bad byte.
std::string check_encoding(std::string_view text, int& line, int& column);

/// Names of every `kind:` the loader accepts.
const std::vector<std::string_view>& known_kinds();

}  // namespace xuncha::load
