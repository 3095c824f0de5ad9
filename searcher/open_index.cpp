#include "open_index.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "analysis_fingerprint.h"
#include "schema.h"

namespace fs = std::filesystem;

namespace naba::searcher {

namespace {

// What a stub chain lists: local databases by path, remote ones as the text after
// "remote " (HOST:PORT for xapian-tcpsrv, :PROGRAM ARGS for xapian-progsrv).
struct StubEntries {
    std::vector<fs::path> local;
    std::vector<std::string> remote;
};

// Whether `file` starts as a single-file glass database does (xapian-compact
// --single-file), which Xapian tells from a stub by these bytes.
bool is_single_file_database(const fs::path& file) {
    constexpr std::string_view kMagic = "\x0f\x0dXapian Glass";
    std::string start(kMagic.size(), '\0');
    std::ifstream in(file, std::ios::binary);
    return in.read(start.data(), static_cast<std::streamsize>(start.size())) && start == kMagic;
}

// The stub file of `db` (a stub file, or a folder with a XAPIANDB stub), or "".
fs::path stub_file_of(const fs::path& db) {
    std::error_code ec;
    const fs::path file = fs::is_directory(db, ec) ? db / schema::kStubFileName : db;
    // A stub is a few lines; a bigger file is a single-file database.
    constexpr std::uintmax_t kMaxStubBytes = 1 << 20;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > kMaxStubBytes || ec) return {};
    if (is_single_file_database(file)) return {};
    return file;
}

// Whether Xapian 1.4 reads a stub line of this type (what comes before the line's
// first space) and rest (what follows it); it names any other "Bad line" only.
bool readable_stub_line(const std::string& type, const std::string& rest) {
    if (type == "auto" || type == "glass" || type == "chert") return true;
    if (type == "inmemory") return rest.empty();
    if (type != "remote" || rest.empty()) return false;
    // :PROGRAM ARGS, or HOST:PORT ([HOST]:PORT for IPv6)
    return rest.front() == ':' || (rest.find(':') != std::string::npos && !(rest.front() == '[' && rest.back() == ']'));
}

// Whether a remote entry HOST:PORT (not :PROGRAM) ends in a port Xapian can use:
// it reads the port with atoi, so notaport and an empty port were port 0 and 99999
// wrapped round to 34463, a port another server may well listen on. White space
// after it, which atoi stops at, is allowed.
bool valid_remote_port(const std::string& entry) {
    if (entry.starts_with(':')) return true;
    std::string_view port = std::string_view(entry).substr(entry.rfind(':') + 1);
    while (!port.empty() && std::isspace(static_cast<unsigned char>(port.back()))) port.remove_suffix(1);
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), digit)) return false;
    const int number = std::stoi(std::string(port));
    return number >= 1 && number <= 65535;
}

// Xapian follows a stub that names itself, directly or through other stubs, until
// its stack overflows (a segfault): the chain is followed here first. `open` holds the
// stubs being read, outermost first; the databases they list (not stubs) are added to
// `listed`. Xapian reports whatever else is wrong in a stub.
void check_stub_chain(const std::string& dir, const fs::path& db, std::vector<fs::path>& open, StubEntries& listed) {
    const fs::path stub = stub_file_of(db);
    if (stub.empty()) {
        if (!open.empty()) listed.local.push_back(db);
        return;
    }
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(stub, ec);
    if (std::find(open.begin(), open.end(), canonical) != open.end())
        throw std::runtime_error(dir + " is a stub that leads back to itself (" + open.back().string() + " names " +
                                 canonical.string() + " again); a stub may list indexes and other stubs, but not "
                                 "in a circle");
    open.push_back(canonical);
    std::ifstream in(stub);
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line.starts_with('#')) continue;  // a comment, for Xapian too
        // Read as Xapian reads it: the type is what comes before the first space.
        const std::size_t space = line.find(' ');
        const std::string type = line.substr(0, space), rest = space == std::string::npos ? "" : line.substr(space + 1);
        const std::string where = dir + ": line " + std::to_string(number) + (open.size() > 1 ? " of " + stub.string() : "");
        // Xapian said only "Bad line", which was reported as a database that is not an index.
        // A --db file whose first line is neither a stub line nor a comment is some other
        // file (notes, a corpus given by mistake): no stub with a line to correct.
        if (!readable_stub_line(type, rest) && open.size() == 1 && number == 1 && stub == fs::path(dir))
            throw std::runtime_error(dir + " is a file, neither a Naba index (a folder naba-index makes) nor a Xapian "
                                           "stub (its first line is no stub line); point --db at a folder made by "
                                           "naba-index");
        if (!readable_stub_line(type, rest))
            throw std::runtime_error(where + " is not a line of a Xapian stub; write 'auto DIR' for an index here, "
                                             "'remote HOST:PORT' for one served by xapian-tcpsrv");
        if (type == "remote" && !valid_remote_port(rest))
            throw std::runtime_error(where + " is '" + line + "', whose port is not a number from 1 to 65535; write "
                                             "'remote HOST:PORT' with the port xapian-tcpsrv listens on");
        if (type == "remote") listed.remote.push_back(rest);
        // Only these name a local database by path (Xapian's stub format).
        if (type != "auto" && type != "glass" && type != "chert") continue;
        std::string path = rest.substr(std::min(rest.size(), rest.find_first_not_of(" \t")));
        if (!path.empty() && path.back() == '\r') path.pop_back();
        // Xapian reports it as a file it cannot stat, which sounded like permissions.
        if (path.empty()) throw std::runtime_error(where + " is '" + type + "' with no path; write the index's directory after it");
        const fs::path named = fs::path(path).is_absolute() ? fs::path(path) : stub.parent_path() / path;
        check_stub_chain(dir, named, open, listed);
    }
    open.pop_back();
}

// A remote entry of a stub (a readable_stub_line), opened on its own as Xapian opens it in the stub.
Xapian::Database open_remote(const std::string& entry) {
    if (entry.starts_with(':')) {  // a program that speaks the remote protocol on stdin and stdout
        const std::size_t space = entry.find(' ');
        return space == std::string::npos ? Xapian::Remote::open(entry.substr(1), "")
                                          : Xapian::Remote::open(entry.substr(1, space - 1), entry.substr(space + 1));
    }
    const std::size_t colon = entry.rfind(':');
    std::string host = entry.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    return Xapian::Remote::open(host, static_cast<unsigned>(std::atoi(entry.c_str() + colon + 1)));
}

// Xapian's message with the system's reason, when it has one.
std::string with_reason(const Xapian::Error& e) {
    const char* why = e.get_error_string();
    return e.get_msg() + (why && *why ? ": " : "") + (why ? why : "");
}

// `lists`: "STUB lists ENTRY", the start of the message.
void require_naba_index(const Xapian::Database& db, const std::string& lists) {
    if (!schema::is_naba_index(db))
        throw std::runtime_error(lists + ", which is a Xapian database but not a Naba index (naba-index did not "
                                         "write it); list only directories made by naba-index");
}

// Each remote database a stub lists is checked on its own too, over its own
// connection: Xapian 1.4 cannot tell a combined database's parts apart.
void check_remote(const std::string& dir, const std::string& entry) {
    const std::string lists = dir + " lists remote " + entry;
    Xapian::Database db;
    try {
        db = open_remote(entry);
    } catch (const Xapian::NetworkError& e) {
        throw std::runtime_error(lists + ", which cannot be reached (" + with_reason(e) +
                                 "); start its server (xapian-tcpsrv) or correct that line");
    }
    require_naba_index(db, lists);
}

// Each local database a stub lists is checked on its own: a combined database reads
// its metadata from the first one only, so another tool's database listed after an
// index was searched with it. A stopped build's stub is left to open_database, which
// names the fix.
void check_listed(const std::string& dir, const StubEntries& listed) {
    if (schema::is_build_stub(dir)) return;
    for (const fs::path& entry : listed.local) {
        const std::string lists = dir + " lists " + entry.string();
        std::error_code ec;
        if (!fs::exists(entry, ec) && !ec)
            throw std::runtime_error(lists + ", which does not exist; correct or remove that line");
        Xapian::Database db;
        try {
            db = Xapian::Database(entry.string());
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw std::runtime_error(lists + ", which cannot be opened (" + with_reason(e) +
                                     "); list only directories made by naba-index");
        }
        require_naba_index(db, lists);
    }
    for (const std::string& entry : listed.remote) check_remote(dir, entry);
}

Xapian::Database open_database(const std::string& dir) {
    try {
        return Xapian::Database(dir);
    } catch (const Xapian::DatabaseOpeningError& e) {
        if (schema::is_build_stub(dir))
            throw std::runtime_error(dir + " lists the shards of a stopped naba-index build, and they cannot be read (" +
                                     e.get_msg() + "); run naba-index on it again to build it");
        // An errno (a file of the index that may not be read) is no sign of another tool.
        if (const char* why = e.get_error_string(); why && *why)
            throw std::runtime_error("cannot read the index at " + dir + " (" + e.get_msg() + ": " + why +
                                     "); check its permissions");
        std::error_code ec;
        if (fs::is_directory(dir, ec) && fs::is_empty(dir, ec) && !ec)
            throw std::runtime_error("no index at " + dir + " (an empty folder); build one with: naba-index --db " + dir +
                                     " PATH...");
        throw std::runtime_error(dir + " is not a Naba index (" + e.get_msg() +
                                 "); point --db at a directory made by naba-index");
    }
}

}  // namespace

Xapian::Database open_index(const std::string& dir) {
    std::error_code ec;
    const bool exists = fs::exists(dir, ec);
    if (!ec && !exists)
        throw std::runtime_error("no index at " + dir + "; build one with: naba-index --db " + dir + " PATH...");
    // Xapian cannot tell a folder it may not read from one without an index.
    if (!ec && fs::is_directory(dir, ec) && ::access(dir.c_str(), R_OK | X_OK) != 0)
        ec = std::error_code(errno, std::generic_category());
    if (ec) throw std::runtime_error("cannot read the index at " + dir + ": " + ec.message() + "; check its permissions");
    std::vector<fs::path> stubs;
    StubEntries listed;
    check_stub_chain(dir, dir, stubs, listed);
    check_listed(dir, listed);
    Xapian::Database db = open_database(dir);
    // Found out here, not when the first hit is printed: a query that matched nothing,
    // or --count, answered from another tool's database as if it were one.
    if (db.size() == 0)
        throw std::runtime_error(dir + " is a stub file that names no database; list indexes in it (auto DIR), or "
                                       "point --db at a directory made by naba-index");
    if (!schema::is_naba_index(db))
        throw std::runtime_error(dir + " is a Xapian database, but not a Naba index (naba-index did not write it); "
                                       "point --db at a directory made by naba-index, or build one with: naba-index "
                                       "--db DIR PATH...");
    // A kind of stems this program does not know is an index of another naba-index
    // version: searched as one of ours, its words would match nothing, silently.
    const std::string stems = db.get_metadata(std::string(schema::kStemmingKey));
    if (!stems.empty() && stems != "synonyms" && stems != "terms")
        throw std::runtime_error("the index at " + dir + " was written by another version of naba-index: it keeps its "
                                 "stems as '" + stems + "', and this naba-search reads 'synonyms' or 'terms'; search "
                                 "it with the naba-search of that version, or build it again with this naba-index");
    return db;
}

std::string analysis_warning(const Xapian::Database& db) {
    if (db.get_doccount() == 0) return "";
    const std::string stored = db.get_metadata(std::string(schema::kAnalysisKey));
    const std::string current = analysis_fingerprint();
    if (stored == current) return "";
    const std::string state =
        stored.empty()                            ? " was built by an earlier naba-index"
        : stored.starts_with(kAnalysisInProgress) ? " is being re-analysed (or its re-analysis was stopped)"
                                                  : " was analysed another way (this naba-search: " +
                                                        fingerprint_difference(stored, current) + ")";
    return state + ", so some words may not be found; run naba-index on it again (with its inputs) to re-analyse it";
}

}  // namespace naba::searcher
