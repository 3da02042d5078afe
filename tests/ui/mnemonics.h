// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

#include <string>

namespace rapport::test {

/// The letter after a text's '&' ("&&" is a literal ampersand), lower case; none without one.
inline QChar mnemonicLetter(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

/// Whether `w` is on the pages `window` shows now: the current page of every stack and tab widget
/// above it. Controls shown only in some state (a panel once something is selected) count too.
inline bool onCurrentPages(const QWidget& w, const QWidget& window)
{
    if (w.isWindow() && &w != &window)
        return false; // a menu or a dialog of its own
    for (const QWidget* at = &w; at && at != &window; at = at->parentWidget()) {
        if (const auto* stack = qobject_cast<const QStackedWidget*>(at->parentWidget()); stack && stack->currentWidget() != at)
            return false;
        if (at->isWindow())
            return false;
    }
    return true;
}

/// The Alt+letter keys that more than one control on the pages `window` shows answers to, as
/// "p: &Print… | Include &private notes", one key per line; empty when every letter is one control's. Qt moves the focus between such controls instead of
/// acting, which no offscreen test of one control notices (a prep sheet's Alt+P ticked nothing
/// and printed nothing).
inline std::string mnemonicClashes(const QWidget& window)
{
    QMap<QChar, QStringList> owners;
    auto add = [&owners](const QString& text) {
        if (const QChar letter = mnemonicLetter(text); !letter.isNull())
            owners[letter] << text;
    };
    for (const QWidget* w : window.findChildren<QWidget*>()) {
        if (!onCurrentPages(*w, window))
            continue;
        if (const auto* button = qobject_cast<const QAbstractButton*>(w))
            add(button->text());
        else if (const auto* label = qobject_cast<const QLabel*>(w); label && label->buddy())
            add(label->text());
        else if (const auto* group = qobject_cast<const QGroupBox*>(w))
            add(group->title());
        else if (const auto* tabs = qobject_cast<const QTabBar*>(w))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        else if (const auto* menus = qobject_cast<const QMenuBar*>(w))
            for (const QAction* menu : menus->actions())
                add(menu->text());
    }
    QStringList clashes;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        if (it.value().size() > 1)
            clashes << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(" | ")));
    return clashes.join(QLatin1Char('\n')).toStdString();
}

} // namespace rapport::test
