// Text from documents, queries, file names and the command line made safe to show on a
// terminal, which obeys the control characters it is sent (ESC [2J clears the screen).
// Both programs' messages and naba-search's output use it. What a control character
// is, is decided here only: C0 (tab and newline included), DEL, and C1 in UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace naba::text {

// The text as one line to show: runs of white space become one space, and control
// characters (escape sequences, stray bytes) are left out. For output people read
// (titles, snippets, the batch "# QID: QUERY" line), where a dropped byte is no loss.
std::string one_line(std::string_view text);

// Runs of white space become one space; other control characters are kept (the
// snippet marks of the text printer are two of them).
std::string squeeze_spaces(std::string_view text);

// Each control character (C0, DEL, C1) becomes one space. For a query, whose words
// they separate as white space does: Xapian takes them for no space, so "lang:\x01ar"
// was the words lang and ar, and "a\x01NOT\x01b" no NOT.
std::string controls_as_spaces(std::string_view text);

// True when the text holds a control character other than white space.
bool has_control(std::string_view text);

// Every control character written visibly: \t, \n, \r, and \xHH for the other bytes of
// C0, DEL and C1 (a C1 character is two bytes in UTF-8: \xC2\x9B). For messages that
// quote what the user gave, where the quote must show what was there. Backslashes
// are left as they are: the result is for reading, not for parsing back.
std::string escape_controls(std::string_view text);

// The text, or its first 200 bytes (whole UTF-8 characters) and how long it is, so
// that a message quoting a query of a megabyte stays a line to read.
std::string excerpt(std::string_view text);

}  // namespace naba::text
