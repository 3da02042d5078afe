// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Ctrl+K: one search across the quick switcher's actions, people and everything written about them
// (docs/search.md).

#include "core/storage/conversationrepository.h"

#include <QAbstractListModel>
#include <QDialog>
#include <QList>
#include <QStyledItemDelegate>

#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace rapport::ui {

class Navigator;
class SearchQueries;

/// A stretch of a highlighted line: text as typed, bold when it matched.
struct HighlightRun
{
    QString text;
    bool bold = false;

    friend bool operator==(const HighlightRun&, const HighlightRun&) = default;
};

/// Splits text whose matches are marked by storage::kSearchMarkStart / kSearchMarkEnd into runs,
/// marks removed, line breaks and tabs turned into spaces. Never reads the text as markup.
std::vector<HighlightRun> highlightRuns(const QString& marked);
/// The text without its marks (for accessibility and the command line).
QString withoutMarks(const QString& marked);

/// The rows of the search: section headings, the quick switcher's actions, people and hits.
class SearchResultModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RowTypeRole = Qt::UserRole + 1, ///< a RowType
        MarkedTextRole,                 ///< the main line, matches marked
        DetailRole,                     ///< the second line ("One-on-one notes · Ana Lopez"), or empty
        ShortcutRole,                   ///< an action's shortcut in words ("Ctrl+L"), or empty
    };
    enum class RowType { Section, Action, Person, Hit };

    struct Row
    {
        RowType type = RowType::Section;
        QString marked;         ///< the title, a name or a snippet, matches marked
        QString detail;         ///< the second line of a hit
        QString shortcut;       ///< an action's
        int action = -1;        ///< an action's index in the dialog's list
        storage::SearchHit hit; ///< a person's or a hit's
    };

    using QAbstractListModel::QAbstractListModel;

    /// Replaces every row (a new query's results).
    void setRows(std::vector<Row> rows);
    const Row& row(int index) const { return m_rows.at(static_cast<std::size_t>(index)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    std::vector<Row> m_rows;
};

/// Paints a search row: a section heading in small muted capitals, an action or a person on one
/// line, a hit's snippet over its kind and person. Marked words are drawn bold; every other
/// character is drawn as typed (user text is never interpreted as HTML); a line too long is elided.
class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

/// The search window (Ctrl+K). Results follow the typing (after a short pause); Up and Down move
/// among them, Enter opens the current one, Esc closes. An empty query lists the actions. The
/// query and what it finds are never logged.
class SearchDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `actions`: what the quick switcher offers by name (their text, shortcut and trigger are the
    /// menus' own); they must outlive the dialog.
    SearchDialog(const SearchQueries& queries, Navigator& navigator, QList<QAction*> actions,
                 QWidget* parent = nullptr);

    /// Shows the dialog with its query selected, ready to type over.
    void popUp();
    /// Runs a pending search at once (the pause after typing cut short).
    void searchNow();

    QLineEdit* queryField() const { return m_query; }
    QListView* resultsView() const { return m_view; }
    const SearchResultModel& results() const { return *m_model; }
    /// The calm line under the field: nothing found, or why the search failed; hidden otherwise.
    QLabel* statusLabel() const { return m_status; }

    /// How long the search waits after a keystroke, in milliseconds.
    static constexpr int kPause = 80;
    /// How many hits of the index a query shows at most.
    static constexpr int kHitLimit = 50;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void moveCurrent(int step);
    void activate(const QModelIndex& index);
    void openHit(const storage::SearchHit& hit);

    const SearchQueries& m_queries;
    Navigator& m_navigator;
    QList<QAction*> m_actions;
    QLineEdit* m_query = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_status = nullptr;
    SearchResultModel* m_model = nullptr;
    QTimer* m_pause = nullptr;
};

} // namespace rapport::ui
