#pragma once
// Figures and dates as the reader's locale writes them (QLocale's default, set from the chosen language): a decimal
// comma in German, the locale's own date order. Every number a user reads on screen or in a report goes through
// these; files meant for programs (JSON, CSV, session files) keep the C locale. Digit grouping is left out
// ("1234 ms"): clinical figures are read, not summed.
#include <QString>

#include <string>

namespace execg {

// As QString::number(v, format, precision), in the default locale.
QString localNumber(double v, char format = 'f', int precision = 2);

// An ISO 8601 date ("1950-02-03") or date and time ("2019-03-01T10:12:30") in the default locale, the year always
// in full; as written when it does not parse. The C locale (the command line's default) keeps ISO 8601.
QString localDate(const std::string& iso);
QString localDateTime(const std::string& iso);

} // namespace execg
