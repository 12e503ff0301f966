#pragma once
// The one thin wrapper over SQLite's C API that core's stores share (the cohort store, the audit log): opening a
// database file for several programs at once, and prepared statements that bind, step and read columns — each
// failure thrown as the store's own error type, naming the file. Include it only in .cpp files: it brings sqlite3.h.
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace execg {

// Opens `path` read-write (`create`: made when absent) for use from any thread, waiting up to 10 s where another
// process holds a lock (a second run, a report, two programs appending). Throws Error("PATH: cannot open NOUN: why").
template <typename Error>
sqlite3* openSqliteDatabase(const std::string& path, bool create, const std::string& noun)
{
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw Error(path + ": cannot open " + noun + ": " + why);
    }
    sqlite3_busy_timeout(db, 10000);
    return db;
}

template <typename Error>
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& sql, const std::string& path) : db_(db), path_(path)
    {
        if (sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &s_, nullptr) != SQLITE_OK)
            fail("prepare");
    }
    ~SqliteStatement() { sqlite3_finalize(s_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int i, const std::string& v)
    {
        check(sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    SqliteStatement& bind(int i, double v)
    {
        // NaN is not a number SQL knows: it is stored as NULL and read back as NaN.
        check(std::isfinite(v) ? sqlite3_bind_double(s_, i, v) : sqlite3_bind_null(s_, i));
        return *this;
    }
    SqliteStatement& bind(int i, int v) { return bind(i, std::int64_t(v)); }
    SqliteStatement& bind(int i, std::int64_t v)
    {
        check(sqlite3_bind_int64(s_, i, v));
        return *this;
    }
    SqliteStatement& bindFloats(int i, const std::vector<float>& v)
    {
        check(sqlite3_bind_blob(s_, i, v.data(), int(v.size() * sizeof(float)), SQLITE_TRANSIENT));
        return *this;
    }
    // One row (true) or the end (false).
    bool step()
    {
        const int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail("step");
        return false;
    }
    void run()
    {
        step();
        reset();
    }
    void reset()
    {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    std::string text(int c) const
    {
        const auto* t = sqlite3_column_text(s_, c);
        return t ? std::string(reinterpret_cast<const char*>(t), std::size_t(sqlite3_column_bytes(s_, c))) : std::string();
    }
    double real(int c) const
    {
        return sqlite3_column_type(s_, c) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN() : sqlite3_column_double(s_, c);
    }
    int integer(int c) const { return int(sqlite3_column_int64(s_, c)); }
    std::int64_t integer64(int c) const { return sqlite3_column_int64(s_, c); }
    std::vector<float> floats(int c) const
    {
        std::vector<float> v(std::size_t(sqlite3_column_bytes(s_, c)) / sizeof(float));
        if (!v.empty())
            std::memcpy(v.data(), sqlite3_column_blob(s_, c), v.size() * sizeof(float));
        return v;
    }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK)
            fail("bind");
    }
    [[noreturn]] void fail(const char* what) { throw Error(path_ + ": " + what + ": " + sqlite3_errmsg(db_)); }

    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
    const std::string& path_;
};

} // namespace execg
