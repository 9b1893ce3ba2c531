#pragma once
// Writing results to files: atomically, and never onto an input.
#include <string>

namespace xuncha::cli {

/// True when `a` and `b` name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees half a file and a failed run never destroys the previous output.
/// Throws UsageError when the file cannot be written.
void write_atomically(const std::string& path, const std::string& content);

}  // namespace xuncha::cli
