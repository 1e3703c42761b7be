// The schema in SQLite's dialect (store/sql/migrate.h applies it).
#pragma once

#include <span>

#include "store/sql/migration.h"

namespace tranche::store::sqlite {

std::span<const sql::Migration> Migrations();

}  // namespace tranche::store::sqlite
