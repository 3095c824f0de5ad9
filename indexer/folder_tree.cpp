#include "folder_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <numeric>
#include <optional>
#include <system_error>

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_for_each.h>
#include <tbb/task_arena.h>

namespace naba::indexer {
namespace {

using What = FolderEntry::What;

// Hidden folders (.git, .cache) are not news collections.
What folder_unless_hidden(const std::string& name) { return name.starts_with('.') ? What::nothing : What::folder; }

// A regular file's entry (named like an input or not), from its stat.
void regular_file(FolderEntry& entry, bool input, InputKind kind, const struct stat& st) {
    entry.what = input ? What::input : What::ignored;
    entry.kind = kind;
    if (input) entry.sig = stat_signature(st);
}

// What one entry is, from its type in the folder (d_type) and stat(2) where that is
// not enough. Symlinked folders are not followed, so symlink loops cannot trap the
// walk; a link to a file is read as the file. Safe on several threads at once.
void settle(int dir_fd, FolderEntry& entry, unsigned char type) {
    if (type == DT_DIR) return void(entry.what = folder_unless_hidden(entry.name));
    InputKind kind = InputKind::text;
    const bool input = input_kind_of(entry.name, kind);
    if (type == DT_REG && !input) return void(entry.what = What::ignored);
    struct stat st;
    if (type != DT_REG && type != DT_LNK) {  // a type the folder did not say, or a pipe, socket, device
        if (::fstatat(dir_fd, entry.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return;  // gone since
        if (S_ISDIR(st.st_mode)) return void(entry.what = folder_unless_hidden(entry.name));
        if (S_ISREG(st.st_mode)) return regular_file(entry, input, kind, st);
        if (!S_ISLNK(st.st_mode)) return void(entry.what = input ? What::not_regular : What::nothing);
    }
    if (::fstatat(dir_fd, entry.name.c_str(), &st, 0) != 0) {
        if (type == DT_REG) {
            // Gone since the folder was read: the reader reports it, as for any file
            // that cannot be read.
            entry.what = What::input, entry.kind = kind, entry.stat_error = errno;
        } else {
            entry.what = input ? What::broken_link : What::nothing;  // to nowhere, or a loop
        }
    } else if (S_ISREG(st.st_mode)) {
        regular_file(entry, input, kind, st);
    } else if (!S_ISDIR(st.st_mode)) {
        entry.what = input ? What::not_regular : What::nothing;  // a pipe would block if opened
    }
}

void settle_all(int dir_fd, std::vector<FolderEntry>& entries, const std::vector<unsigned char>& types) {
    // Below this many, threads cost more than the stats they would share.
    constexpr std::size_t kStatsPerTask = 256;
    if (entries.size() <= kStatsPerTask) {
        for (std::size_t i = 0; i < entries.size(); ++i) settle(dir_fd, entries[i], types[i]);
        return;
    }
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, entries.size(), kStatsPerTask),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t i = range.begin(); i != range.end(); ++i)
                              settle(dir_fd, entries[i], types[i]);
                      });
}

// The entries are sorted through their places, then moved once each: sorting the
// entries themselves moved them a dozen times each (a tenth of the walk).
void sort_by_name(std::vector<FolderEntry>& entries) {
    std::vector<std::uint32_t> order(entries.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return entries[a].name < entries[b].name; });
    std::vector<FolderEntry> sorted;
    sorted.reserve(entries.size());
    for (std::uint32_t i : order) sorted.push_back(std::move(entries[i]));
    entries = std::move(sorted);
}

// After the entries are sorted: what is reported or counted, and only what the walk
// keeps stays.
void account(Folder& folder) {
    for (const FolderEntry& entry : folder.entries) {
        if (entry.what == What::ignored) {
            ++folder.ignored;
        } else if (entry.what == What::broken_link) {
            folder.problems.push_back(
                {joined(folder.path, entry.name), "broken symbolic link (its target is missing or loops)"});
        } else if (entry.what == What::not_regular) {
            folder.problems.push_back(
                {joined(folder.path, entry.name), "not a regular file (a pipe, socket or device); not read"});
        }
    }
    std::erase_if(folder.entries,
                  [](const FolderEntry& entry) { return entry.what != What::folder && entry.what != What::input; });
}

// Reads one folder: its entries, sorted by name, settled. A folder that fails
// part-way keeps what was read, and is reported. The folder is closed before its
// sub-folders are read, so a deep tree needs no more file handles than a flat one.
void read_folder(Folder& folder) {
    const int fd = ::open(folder.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* dir = fd < 0 ? nullptr : ::fdopendir(fd);
    if (!dir) {
        const int error = errno;
        if (fd >= 0) ::close(fd);
        folder.problems.push_back({folder.path, "cannot read directory: " + std::generic_category().message(error)});
        folder.whole = false;
        return;
    }
    std::vector<unsigned char> types;
    for (;;) {
        errno = 0;
        const struct dirent* found = ::readdir(dir);
        if (!found) {
            if (errno) {
                folder.problems.push_back(
                    {folder.path, "cannot read directory: " + std::generic_category().message(errno)});
                folder.whole = false;
            }
            break;
        }
        const std::string_view name = found->d_name;
        if (name == "." || name == "..") continue;
        folder.entries.emplace_back().name = name;
        types.push_back(found->d_type);
    }
    settle_all(fd, folder.entries, types);
    ::closedir(dir);
    // Byte order of names, folder by folder, is std::filesystem::path's order, so that
    // runs read files alike; sorting each folder's names costs far less than sorting
    // whole paths.
    sort_by_name(folder.entries);
    account(folder);
}

// Reads `folder` and hands each of its sub-folders, made, to `add`.
template <typename Add>
void read_and_list(Folder& folder, Add&& add) {
    read_folder(folder);
    for (const FolderEntry& entry : folder.entries) {
        if (entry.what != What::folder) continue;
        auto sub = std::make_unique<Folder>();
        sub->path = joined(folder.path, entry.name);
        sub->rel = folder.rel.empty() ? entry.name : joined(folder.rel, entry.name);
        folder.subfolders.push_back(std::move(sub));
        add(folder.subfolders.back().get());
    }
}

}  // namespace

std::string joined(const std::string& dir, std::string_view name) {
    std::string path;
    path.reserve(dir.size() + 1 + name.size());
    path += dir;
    if (!path.empty() && path.back() != '/') path += '/';
    path += name;
    return path;
}

std::unique_ptr<Folder> read_folder_tree(const std::string& root, int threads) {
    auto top = std::make_unique<Folder>();
    top->path = root;
    if (threads == 1) {
        std::vector<Folder*> pending{top.get()};
        while (!pending.empty()) {
            Folder* folder = pending.back();
            pending.pop_back();
            read_and_list(*folder, [&](Folder* sub) { pending.push_back(sub); });
        }
        return top;
    }
    // Each folder is written by the one task that reads it; its sub-folders are fed
    // back as tasks of their own. More threads than cores (--jobs 8 on 2 cores: the
    // walk waits on the disk more than the CPU) must be allowed first, or oneTBB
    // prints a warning on stderr, --quiet or not, and uses fewer.
    std::optional<tbb::global_control> allow;
    if (threads > 0) allow.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
    arena.execute([&] {
        Folder* start[] = {top.get()};
        tbb::parallel_for_each(std::begin(start), std::end(start), [](Folder* folder, tbb::feeder<Folder*>& feeder) {
            read_and_list(*folder, [&](Folder* sub) { feeder.add(sub); });
        });
    });
    return top;
}

}  // namespace naba::indexer
