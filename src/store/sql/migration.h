// One schema migration: a version, a name and the SQL that takes the schema from
// version-1 to version. Each store dialect (sqlite/, postgres/) lists its own SQL for
// the same versions, so a database of either kind reports the same schema version.
#pragma once

namespace tranche::store::sql {

struct Migration {
  int version;       // 1, 2, ...: consecutive, the order they apply in
  const char* name;  // the same in every dialect
  const char* sql;   // one or more statements, run in one transaction
};

}  // namespace tranche::store::sql
