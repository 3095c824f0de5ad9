#include "index_fixtures.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "cli_runner.h"

namespace naba::e2e {

CliResult index(const std::string& db, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--db", db};
    all.insert(all.end(), args.begin(), args.end());
    return run(NABA_INDEX_BIN, all);
}

CliResult index_with_analysis(const std::string& spec, const std::string& db, const std::vector<std::string>& args) {
    const char* before = std::getenv("NABA_ANALYSIS");
    const std::string saved = before ? before : "";
    ::setenv("NABA_ANALYSIS", spec.c_str(), 1);
    CliResult result = index(db, args);
    if (before) ::setenv("NABA_ANALYSIS", saved.c_str(), 1);
    else ::unsetenv("NABA_ANALYSIS");
    return result;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_file(const std::string& path, const std::string& content) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

std::vector<std::string> search_ids(const std::string& db, const std::string& query) {
    auto ids = lines(run(NABA_SEARCH_BIN, {"--db", db, "-f", "ids", "-n", "100000", query}).out);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string generated_jsonl(long count) {
    std::string out;
    for (long i = 0; i < count; ++i) {
        out += "{\"id\":\"d" + std::to_string(i) + "\",\"title\":\"report " + std::to_string(i) + "\",\"text\":\"";
        for (int w = 0; w < 40; ++w) out += "ceasefire talks word" + std::to_string((i * 40 + w) % 997) + " ";
        out += "\"}\n";
    }
    return out;
}

std::string lettered_jsonl(int documents, int words_each) {
    std::string out;
    for (int d = 0; d < documents; ++d) {
        out += "{\"id\":\"s" + std::to_string(d) + "\",\"text\":\"ceasefire";
        for (int w = 0; w < words_each; ++w) {
            std::string word = "zq";
            for (int n = d * words_each + w; n > 0 || word.size() == 2; n /= 26) word += static_cast<char>('a' + n % 26);
            out += " " + word;
        }
        out += "\"}\n";
    }
    return out;
}

pid_t start_indexer(const std::vector<std::string>& args, const std::string& err_path) {
    pid_t pid = ::fork();
    if (pid != 0) return pid;
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0), ::dup2(null, 1), ::dup2(err, 2);
    std::vector<char*> argv{const_cast<char*>(NABA_INDEX_BIN)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(NABA_INDEX_BIN, argv.data());
    ::_exit(127);
}

int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int interrupt_spelling_steps(const std::vector<std::string>& args, const std::string& err_path, int pause_ms,
                             const std::function<bool(const std::string&)>& ready, int delay_ms) {
    ::setenv("NABA_TEST_SPELLING_STEP_PAUSE_MS", std::to_string(pause_ms).c_str(), 1);
    const pid_t pid = start_indexer(args, err_path);
    ::unsetenv("NABA_TEST_SPELLING_STEP_PAUSE_MS");
    for (int i = 0; i < 600 && !ready(read_file(err_path)); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGINT);
    return wait_for(pid);
}

unsigned committed_documents(const std::string& db) {
    try {
        return Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
        return 0;  // not created yet
    }
}

bool wait_for_documents(const std::string& db, unsigned documents) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (committed_documents(db) >= documents) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> synonym_table(const std::string& db) {
    const Xapian::Database index(db);
    std::vector<std::string> out;
    for (auto k = index.synonym_keys_begin(); k != index.synonym_keys_end(); ++k)
        for (auto s = index.synonyms_begin(*k); s != index.synonyms_end(*k); ++s) out.push_back(*k + " -> " + *s);
    return out;
}

std::map<std::string, unsigned> spelling_table(const std::string& db) {
    const Xapian::Database index(db);
    std::map<std::string, unsigned> out;
    for (auto s = index.spellings_begin(); s != index.spellings_end(); ++s) out[*s] = s.get_termfreq();
    return out;
}

}  // namespace naba::e2e
