// SPDX-License-Identifier: GPL-3.0-or-later
// The words form tools write in their exports, matched (normalised: lower case, no end
// punctuation) and never shown: the data of core/pulseimport.cpp, kept apart like the templates.
#include "core/pulseimport.h"

namespace rapport::core {

const std::map<std::string, ColumnRole>& formToolColumns()
{
    static const std::map<std::string, ColumnRole> columns{
        {"id", ColumnRole::ResponseId},          {"timestamp", ColumnRole::Timestamp},   {"completion time", ColumnRole::Timestamp},
        {"team", ColumnRole::Team},              {"start time", ColumnRole::Ignore},     {"email", ColumnRole::Ignore},
        {"email address", ColumnRole::Ignore},   {"name", ColumnRole::Ignore},           {"last modified time", ColumnRole::Ignore},
        {"total points", ColumnRole::Ignore},    {"quiz feedback", ColumnRole::Ignore},  {"points", ColumnRole::Ignore},
        {"score", ColumnRole::Ignore}};
    return columns;
}

const std::map<std::string, int>& agreementWords()
{
    static const std::map<std::string, int> words{{"strongly disagree", 1}, {"disagree", 2}, {"neither agree nor disagree", 3},
                                                  {"neutral", 3},           {"neither", 3},  {"agree", 4},
                                                  {"strongly agree", 5}};
    return words;
}

const std::map<std::string, int>& yesNoWords()
{
    static const std::map<std::string, int> words{{"yes", 1}, {"no", 0}, {"true", 1}, {"false", 0}};
    return words;
}

} // namespace rapport::core
