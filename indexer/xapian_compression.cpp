// How naba-index lets Xapian store its tables: uncompressed.
//
// Xapian 1.4 runs zlib (level 6) over every document record, term list, spelling and
// synonym entry it writes, and has no setting for it. On the news corpora that was a
// fifth of naba-index's CPU time (bench/RESULTS.md, session 17) for an index a fifth
// smaller. naba-index is linked with this definition of zlib's deflateInit2_, which
// Xapian calls to set up its compressor: it asks zlib for level 0 (stored blocks), the
// output is then never smaller than the input, and Xapian keeps each entry as it is.
// Readers need nothing: Xapian marks each entry compressed or not, so indexes mixing
// both (an older index grown by this naba-index) read alike, and `xapian-compact`
// compresses the entries again for whoever wants the space back.
//
// The definition lives in the executable, not in naba_indexer, so it is linked even
// though nothing of Naba calls it; the dynamic linker then binds libxapian's calls to
// it (a symbol of the executable comes before libz's), as it binds malloc to mimalloc.
#include <dlfcn.h>
#include <zlib.h>

namespace {
// Stored blocks need neither a window nor a hash table, but zlib clears the hash
// table on every deflateReset, which Xapian calls before each entry: at Xapian's
// memLevel 9 that is 128 KB of memset per entry written. The smallest sizes make it
// 512 bytes.
constexpr int kMemLevel = 1;
constexpr int kWindowBits = 9;

// The smallest window in the format the caller asked for: raw deflate (negative, what
// Xapian asks for), gzip (16 added) or zlib.
int smallest_window(int window_bits) {
    if (window_bits < 0) return -kWindowBits;
    return window_bits > 15 ? 16 + kWindowBits : kWindowBits;
}
}  // namespace

extern "C" int deflateInit2_(z_streamp stream, int /*level*/, int method, int window_bits, int /*mem_level*/,
                             int strategy, const char* version, int stream_size) {
    using Init = int (*)(z_streamp, int, int, int, int, int, const char*, int);
    static const auto zlib_init = reinterpret_cast<Init>(::dlsym(RTLD_NEXT, "deflateInit2_"));
    if (!zlib_init) return Z_VERSION_ERROR;  // no zlib behind us: Xapian reports that its compressor failed
    return zlib_init(stream, Z_NO_COMPRESSION, method, smallest_window(window_bits), kMemLevel, strategy, version,
                     stream_size);
}
