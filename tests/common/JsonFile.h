#pragma once
// Reads a JSON file a command wrote; an empty value when it cannot be opened (the assertions then say what is missing).
#include <QFile>
#include <QString>

#include <nlohmann/json.hpp>

namespace execg::test {

inline nlohmann::json readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString());
}

} // namespace execg::test
