// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the draft typist types (tests/crash/draft_typist.cpp), character by character, and what its
// test expects back: the first `n` characters of one fixed text in several scripts.

#include <QString>

namespace rapport::test {

inline QString typedText(int n)
{
    static const QString kSentence =
        QStringLiteral("Ana wants to lead the migration — Zoë 日本語 שלום ✓ 🙂. ");
    QString text;
    while (text.size() < n)
        text += kSentence;
    // Never half of a surrogate pair: the typist inserts whole characters.
    if (n > 0 && n < text.size() && text.at(n - 1).isHighSurrogate())
        --n;
    return text.left(n);
}

} // namespace rapport::test
