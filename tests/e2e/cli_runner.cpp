#include "cli_runner.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace naba::e2e {
namespace {

std::string quote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

std::string temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("naba-e2e-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

CliResult run(const std::string& program, const std::vector<std::string>& args, const std::string& input) {
    std::string dir = temp_dir("run");
    std::string in_path = dir + "/stdin", err_path = dir + "/stderr";
    std::ofstream(in_path, std::ios::binary) << input;
    std::string command = quote(program);
    for (const auto& a : args) command += " " + quote(a);
    command += " <" + quote(in_path) + " 2>" + quote(err_path);

    CliResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
    int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.err = slurp(err_path);
    std::filesystem::remove_all(dir);
    return result;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

CliResult search_sample(const std::vector<std::string>& args, const std::string& input) {
    std::vector<std::string> all = {"--db", NABA_SAMPLE_DB};
    all.insert(all.end(), args.begin(), args.end());
    return run(NABA_SEARCH_BIN, all, input);
}

std::set<std::string> sample_ids(const std::string& query, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"--db", NABA_SAMPLE_DB, "--format", "ids", "-n", "1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(query);
    CliResult r = run(NABA_SEARCH_BIN, args);
    auto l = lines(r.out);
    return {l.begin(), l.end()};
}

}  // namespace naba::e2e
