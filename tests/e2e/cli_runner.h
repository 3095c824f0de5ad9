// Runs the real naba binaries for the end-to-end tests and captures what they print.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace naba::e2e {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs program with args (no shell interpretation of the args); stdin is empty
// unless `input` is given.
CliResult run(const std::string& program, const std::vector<std::string>& args, const std::string& input = "");

// Lines of text, without empty ones.
std::vector<std::string> lines(const std::string& text);

// naba-search --db <the sample index> ARGS... (stdin as for run).
CliResult search_sample(const std::vector<std::string>& args, const std::string& input = "");

// naba-search --format ids -n 1000 on the sample index: the set of ids found.
std::set<std::string> sample_ids(const std::string& query, const std::vector<std::string>& extra = {});

// A fresh, empty temporary directory for one test.
std::string temp_dir(const std::string& name);

}  // namespace naba::e2e
