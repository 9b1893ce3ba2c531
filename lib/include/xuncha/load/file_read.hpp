#pragma once
// Reading a whole input file, bounded: regular files only, never past a size limit.
#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include <xuncha/core/diagnostic.hpp>

namespace xuncha::load {

/// The size limit of one input file when nothing else is set (512 MiB).
inline constexpr std::size_t default_max_file_bytes = 512u * 1024 * 1024;

/// Reads the regular file `path` whole. Refuses folders, FIFOs, sockets and devices (also behind
/// a symbolic link) without blocking on them, and stops as soon as more than `max_bytes` have
/// been read (a file that grows while read, or a /proc file that reports size 0, included).
/// On failure returns nothing and sets `why` (in both languages, with the system's reason).
std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes, Message& why);

/// Reads the open descriptor `fd` (standard input) to its end with read(2), so an I/O error is
/// an error and not an end of file; refuses a folder; stops as soon as more than `max_bytes`
/// arrive.
std::optional<std::string> read_descriptor(int fd, std::size_t max_bytes, Message& why);

/// Reads `in` (standard input as tests give it) to its end, stopping as soon as more than
/// `max_bytes` arrive.
std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes, Message& why);

/// "512 MiB", "64 KiB", "1000 bytes": a size as the limit messages show it.
std::string format_size(std::size_t bytes);

/// Parses a size: a number of bytes with an optional suffix K, M or G (also KB/KiB, any case;
/// powers of 1024) or B. Returns nothing for anything else, zero and overflow included.
std::optional<std::size_t> parse_size(std::string_view text);

}  // namespace xuncha::load
