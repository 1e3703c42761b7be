#include "cli/store_commands.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/platform.h"
#include "cli/fail.h"
#include "core/clock.h"
#include "store/open.h"
#include "store/postgres/import.h"
#include "store/sqlite/export.h"

namespace tranche::cli {

namespace {

struct ExportArgs {
  std::string data_dir = "./data";
  std::string out;  // empty: stdout
};

struct ImportArgs {
  std::string database;
  std::string file;  // empty: stdin
};

int Export(const ExportArgs& a) {
  std::ofstream file;
  if (!a.out.empty()) {
    file.open(a.out, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(Status::Unavailable("cannot write " + a.out));
  }
  std::ostream& out = a.out.empty() ? std::cout : file;
  auto report = store::sqlite::ExportDatabase(app::DatabasePath(a.data_dir), out);
  if (!report.ok()) return Fail(report.status());
  std::fprintf(stderr, "exported %lld rows of %lld tables (schema version %d)\n",
               static_cast<long long>(report->rows), static_cast<long long>(report->tables),
               report->schema_version);
  return 0;
}

int Import(const ImportArgs& a) {
  std::ifstream file;
  if (!a.file.empty()) {
    file.open(a.file, std::ios::binary);
    if (!file) return Fail(Status::NotFound("no_file", "cannot read " + a.file));
  }
  std::istream& in = a.file.empty() ? std::cin : file;
  auto report = store::postgres::ImportDump(a.database, in, SystemClock().Now());
  if (!report.ok()) return Fail(report.status());
  std::printf("imported %lld rows of %lld tables\n", static_cast<long long>(report->rows),
              static_cast<long long>(report->tables));
  return 0;
}

}  // namespace

void AddStoreCommands(CLI::App& app, std::function<int()>* action) {
  auto ex = std::make_shared<ExportArgs>();
  auto* export_cmd = app.add_subcommand("export", "dump the SQLite database for `tranche import`");
  export_cmd->add_option("--data-dir", ex->data_dir, "directory holding the database")->capture_default_str();
  export_cmd->add_option("--out", ex->out, "dump file (default: standard output)");
  export_cmd->callback([ex, action] { *action = [ex] { return Export(*ex); }; });

  auto im = std::make_shared<ImportArgs>();
  auto* import_cmd = app.add_subcommand("import", "load a dump into an empty PostgreSQL database");
  import_cmd->add_option("--database", im->database, "the PostgreSQL database (postgres://...)")
      ->required()
      ->check([](const std::string& url) {
        const Status st = store::ValidateDatabaseUrl(url);
        return st.ok() && !url.empty() ? std::string() : std::string("--database must be a postgres:// URL");
      });
  import_cmd->add_option("--file", im->file, "dump file (default: standard input)");
  import_cmd->callback([im, action] { *action = [im] { return Import(*im); }; });
}

}  // namespace tranche::cli
