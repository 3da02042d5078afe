// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/searchdialog.h"

#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QRegularExpression>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdlib>
#include <iterator>
#include <utility>

namespace rapport::ui {
namespace {

using RowType = SearchResultModel::RowType;

constexpr QChar kMarkStart{char16_t(storage::kSearchMarkStart)};
constexpr QChar kMarkEnd{char16_t(storage::kSearchMarkEnd)};

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

// The words of what was typed, punctuation at their ends trimmed; words that are punctuation only go.
QStringList queryWords(const QString& text)
{
    QStringList words;
    for (QString word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        qsizetype start = 0;
        qsizetype end = word.size();
        while (start < end && !isWordCharacter(word.at(start)))
            ++start;
        while (end > start && !isWordCharacter(word.at(end - 1)))
            --end;
        if (end > start)
            words << word.mid(start, end - start);
    }
    return words;
}

// An action's name as the switcher lists it: the menu's text without its mnemonic and "…".
QString actionName(const QAction& action)
{
    QString name = action.text();
    name.replace(QRegularExpression(QStringLiteral("&(.)")), QStringLiteral("\\1"));
    if (name.endsWith(QChar(0x2026)))
        name.chop(1);
    else if (name.endsWith(QStringLiteral("...")))
        name.chop(3);
    return name.trimmed();
}

// `name` with the start of each of its words that begins one of `words` marked, when every word
// matches the start of some word of the name (ignoring case); none otherwise. Marks a name
// with no query words as it is.
std::optional<QString> matchName(const QString& name, const QStringList& words)
{
    struct Word
    {
        qsizetype start = 0;
        qsizetype length = 0;
        qsizetype marked = 0;
    };
    std::vector<Word> nameWords;
    for (qsizetype i = 0; i < name.size();) {
        if (!isWordCharacter(name.at(i))) {
            ++i;
            continue;
        }
        Word word{i, 0, 0};
        while (i < name.size() && isWordCharacter(name.at(i)))
            ++i;
        word.length = i - word.start;
        nameWords.push_back(word);
    }
    for (const QString& typed : words) {
        bool found = false;
        for (Word& word : nameWords)
            if (typed.size() <= word.length &&
                QStringView(name).mid(word.start, typed.size()).compare(typed, Qt::CaseInsensitive) == 0) {
                word.marked = std::max(word.marked, typed.size());
                found = true;
            }
        if (!found)
            return std::nullopt;
    }
    QString marked;
    qsizetype at = 0;
    for (const Word& word : nameWords) {
        if (word.marked == 0)
            continue;
        marked += name.mid(at, word.start - at) + kMarkStart + name.mid(word.start, word.marked) + kMarkEnd;
        at = word.start + word.marked;
    }
    return marked + name.mid(at);
}

SearchResultModel::Row section(const QString& title)
{
    SearchResultModel::Row row;
    row.type = RowType::Section;
    row.marked = title;
    return row;
}

// The query as a message quotes it: on one line, and not so long that it fills the window.
QString quoted(QString text)
{
    text = text.simplified();
    constexpr qsizetype kLongest = 60;
    if (text.size() > kLongest)
        text = text.left(kLongest) + QChar(0x2026);
    return text;
}

} // namespace

std::vector<HighlightRun> highlightRuns(const QString& marked)
{
    std::vector<HighlightRun> runs;
    bool bold = false;
    QString text;
    const auto flush = [&] {
        if (!text.isEmpty())
            runs.push_back(HighlightRun{std::exchange(text, QString()), bold});
    };
    for (const QChar c : marked) {
        if (c == kMarkStart || c == kMarkEnd) {
            flush();
            bold = c == kMarkStart;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            text += QLatin1Char(' ');
        } else {
            text += c;
        }
    }
    flush();
    return runs;
}

QString withoutMarks(const QString& marked)
{
    QString plain;
    for (const auto& run : highlightRuns(marked))
        plain += run.text;
    return plain;
}

// --- The model -----------------------------------------------------------------------------------

void SearchResultModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = row(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return r.detail.isEmpty() ? withoutMarks(r.marked)
                                  : withoutMarks(r.marked) + QStringLiteral(" — ") + r.detail;
    case Qt::ToolTipRole:
        return r.type == RowType::Hit ? QVariant(withoutMarks(r.marked)) : QVariant();
    case RowTypeRole:
        return static_cast<int>(r.type);
    case MarkedTextRole:
        return r.marked;
    case DetailRole:
        return r.detail;
    case ShortcutRole:
        return r.shortcut;
    default:
        return {};
    }
}

Qt::ItemFlags SearchResultModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return Qt::NoItemFlags;
    return row(index.row()).type == RowType::Section ? Qt::NoItemFlags
                                                     : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

// --- The delegate --------------------------------------------------------------------------------

namespace {

// Draws `runs` on one line of `rect` from its left, the marked ones bold, eliding what does not fit.
void drawRuns(QPainter& painter, const QRect& rect, const std::vector<HighlightRun>& runs, const QFont& base)
{
    int x = rect.left();
    for (const auto& run : runs) {
        QFont font = base;
        font.setBold(run.bold);
        const QFontMetrics metrics(font);
        const int room = rect.right() + 1 - x;
        if (room <= 0)
            break;
        QString text = run.text;
        const int width = metrics.horizontalAdvance(text);
        const bool fits = width <= room;
        if (!fits)
            text = metrics.elidedText(text, Qt::ElideRight, room);
        painter.setFont(font);
        painter.drawText(QRect(x, rect.top(), room, rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text);
        if (!fits)
            break;
        x += width;
    }
}

int padding(const QFontMetrics& metrics)
{
    return std::max(2, metrics.height() / 3);
}

} // namespace

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the row's words are drawn below, never as the style's plain (or rich) text
    const auto type = static_cast<RowType>(index.data(SearchResultModel::RowTypeRole).toInt());
    const QPalette& palette = opt.palette;
    const QFontMetrics metrics(opt.font);
    const int pad = padding(metrics);
    painter->save();
    if (type == RowType::Section) {
        QFont font = opt.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        font.setBold(true);
        font.setCapitalization(QFont::AllUppercase);
        font.setLetterSpacing(QFont::PercentageSpacing, 105);
        painter->setFont(font);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QRect text = opt.rect.adjusted(pad, pad, -pad, 0);
        painter->drawText(
            text, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine,
            QFontMetrics(font).elidedText(index.data(SearchResultModel::MarkedTextRole).toString(),
                                          Qt::ElideRight, text.width()));
        painter->restore();
        return;
    }
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    // Muted words on a selected row stay in the highlighted text's colour, slightly faded.
    QColor muted =
        selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::PlaceholderText);
    if (selected)
        muted.setAlphaF(0.8f);
    QRect content = opt.rect.adjusted(2 * pad, pad, -2 * pad, -pad);
    const auto runs = highlightRuns(index.data(SearchResultModel::MarkedTextRole).toString());

    if (type == RowType::Hit) {
        const int line = metrics.height();
        painter->setPen(text);
        drawRuns(*painter, QRect(content.left(), content.top(), content.width(), line), runs, opt.font);
        painter->setPen(muted);
        painter->setFont(opt.font);
        const QRect second(content.left(), content.top() + line + pad / 2, content.width(), line);
        painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          metrics.elidedText(index.data(SearchResultModel::DetailRole).toString(),
                                             Qt::ElideRight, second.width()));
        painter->restore();
        return;
    }
    if (const QString shortcut = index.data(SearchResultModel::ShortcutRole).toString();
        !shortcut.isEmpty()) {
        const int width = metrics.horizontalAdvance(shortcut);
        painter->setPen(muted);
        painter->setFont(opt.font);
        painter->drawText(content, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, shortcut);
        content.setRight(content.right() - width - 2 * pad);
    }
    painter->setPen(text);
    drawRuns(*painter, content, runs, opt.font);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics metrics(option.font);
    const int pad = padding(metrics);
    const int line = metrics.height();
    const int width = metrics.averageCharWidth() * 40;
    switch (static_cast<RowType>(index.data(SearchResultModel::RowTypeRole).toInt())) {
    case RowType::Section:
        return {width, line + 2 * pad};
    case RowType::Hit:
        return {width, 2 * line + pad / 2 + 2 * pad};
    case RowType::Action:
    case RowType::Person:
        break;
    }
    return {width, line + 2 * pad};
}

// --- The dialog ----------------------------------------------------------------------------------

// One-on-one notes open in their notes window; anything else on the person's page, where it is shown.
void SearchDialog::openHit(const storage::SearchHit& hit)
{
    const bool notes = hit.kind == storage::SearchKind::Notes || hit.kind == storage::SearchKind::PrivateNotes;
    if (notes) {
        auto found = m_queries.conversation(core::ConversationId{hit.id});
        if (found && found.value()) {
            const core::Conversation& c = *found.value();
            if (c.purpose == core::ConversationPurpose::StayInterview)
                m_navigator.stayInterview(c.person, c.id); // its own window, not a one-on-one's notes
            else
                m_navigator.openNotes(NotesFor{c.person, c.at, c.meeting, c.contact});
            return;
        }
    }
    m_navigator.openPerson(hit.person);
}

SearchDialog::SearchDialog(const SearchQueries& queries, Navigator& navigator, QList<QAction*> actions,
                           QWidget* parent)
    : QDialog(parent), m_queries(queries), m_navigator(navigator), m_actions(std::move(actions))
{
    setWindowTitle(tr("Search"));
    setModal(true);
    setSizeGripEnabled(true);
    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("Search people, notes and actions"));
    m_query->setAccessibleName(tr("Search"));
    m_query->setClearButtonEnabled(true);
    QFont queryFont = m_query->font();
    queryFont.setPointSizeF(queryFont.pointSizeF() * 1.25);
    m_query->setFont(queryFont);
    m_query->installEventFilter(this);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText); // it quotes what the user typed
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->hide();

    m_model = new SearchResultModel(this);
    m_view = new QListView(this);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SearchResultDelegate(m_view));
    m_view->setAccessibleName(tr("Results"));
    m_view->setFocusPolicy(Qt::NoFocus); // typing always goes to the query
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    connect(m_view, &QListView::clicked, this, &SearchDialog::activate);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    m_pause = new QTimer(this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(kPause);
    connect(m_pause, &QTimer::timeout, this, &SearchDialog::search);
    connect(m_query, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        searchNow(); // Enter typed before the pause ended opens what the whole query finds
        activate(m_view->currentIndex());
    });

    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 110, metrics.height() * 30);
    search();
}

void SearchDialog::popUp()
{
    if (QWidget* window = parentWidget() ? parentWidget()->window() : nullptr) {
        const QRect frame = window->geometry();
        resize(std::min(width(), frame.width() * 9 / 10), std::min(height(), frame.height() * 8 / 10));
        move(frame.center().x() - width() / 2, frame.top() + frame.height() / 8);
    }
    const bool hidden = isHidden();
    show();
    if (hidden)
        search(); // what is written may have changed since the last time
    else
        searchNow();
    raise();
    activateWindow();
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchDialog::searchNow()
{
    if (m_pause->isActive() || isHidden())
        search();
}

void SearchDialog::search()
{
    m_pause->stop();
    const QString text = m_query->text();
    const bool empty = text.trimmed().isEmpty();
    const QStringList words = queryWords(text);
    std::vector<SearchResultModel::Row> rows;

    std::vector<SearchResultModel::Row> actions;
    for (int i = 0; i < m_actions.size(); ++i) {
        const QAction& action = *m_actions.at(i);
        if (!action.isEnabled() || !action.isVisible())
            continue;
        const QString name = actionName(action);
        const auto marked = empty             ? std::optional(name)
                            : words.isEmpty() ? std::nullopt
                                              : matchName(name, words);
        if (!marked)
            continue;
        SearchResultModel::Row row;
        row.type = RowType::Action;
        row.marked = *marked;
        row.shortcut = action.shortcut().toString(QKeySequence::NativeText);
        row.action = i;
        actions.push_back(std::move(row));
    }
    if (!actions.empty()) {
        rows.push_back(section(tr("Actions")));
        std::move(actions.begin(), actions.end(), std::back_inserter(rows));
    }

    QString problem;
    if (!empty) {
        const QByteArray utf8 = text.toUtf8();
        auto hits = m_queries.search(
            std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), kHitLimit);
        if (!hits) {
            problem = tr("Search is not available right now: %1. The actions still work.")
                          .arg(wording::error(hits.error()));
        } else {
            std::vector<SearchResultModel::Row> people;
            std::vector<SearchResultModel::Row> written;
            for (auto& hit : hits.value()) {
                SearchResultModel::Row row;
                row.marked = fromUtf8(hit.snippet);
                if (hit.kind == storage::SearchKind::Person) {
                    row.type = RowType::Person;
                    row.hit = std::move(hit);
                    people.push_back(std::move(row));
                } else {
                    row.type = RowType::Hit;
                    row.detail =
                        tr("%1 · %2").arg(wording::searchKindName(hit.kind), fromUtf8(hit.personName));
                    row.hit = std::move(hit);
                    written.push_back(std::move(row));
                }
            }
            if (!people.empty()) {
                rows.push_back(section(tr("People")));
                std::move(people.begin(), people.end(), std::back_inserter(rows));
            }
            if (!written.empty()) {
                rows.push_back(section(tr("In your notes")));
                std::move(written.begin(), written.end(), std::back_inserter(rows));
            }
        }
    }

    m_model->setRows(std::move(rows));
    if (problem.isEmpty() && !empty && m_model->rowCount() == 0)
        problem = tr("Nothing matches “%1”.").arg(quoted(text));
    m_status->setText(problem);
    m_status->setVisible(!problem.isEmpty());
    m_view->setCurrentIndex({});
    moveCurrent(1);
}

// Moves the current row `step` selectable rows on (negative: back), stopping at either end.
void SearchDialog::moveCurrent(int step)
{
    const int count = m_model->rowCount();
    int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    const int direction = step < 0 ? -1 : 1;
    for (int moved = 0; moved < std::abs(step);) {
        int next = row + direction;
        while (next >= 0 && next < count && !(m_model->flags(m_model->index(next)) & Qt::ItemIsSelectable))
            next += direction;
        if (next < 0 || next >= count)
            break;
        row = next;
        ++moved;
    }
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row);
    m_view->setCurrentIndex(index);
    // Above a section's first result, show its heading too; above the first of all, the very top.
    bool first = true;
    for (int before = 0; before < row && first; ++before)
        first = !(m_model->flags(m_model->index(before)) & Qt::ItemIsSelectable);
    if (first)
        m_view->scrollToTop();
    else if (!(m_model->flags(m_model->index(row - 1)) & Qt::ItemIsSelectable))
        m_view->scrollTo(m_model->index(row - 1));
    m_view->scrollTo(index);
}

bool SearchDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int page =
            std::max(1, m_view->viewport()->height() / std::max(1, m_view->sizeHintForRow(0)) - 1);
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Down:
            searchNow();
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
            searchNow();
            moveCurrent(-1);
            return true;
        case Qt::Key_PageDown:
            searchNow();
            moveCurrent(page);
            return true;
        case Qt::Key_PageUp:
            searchNow();
            moveCurrent(-page);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SearchDialog::activate(const QModelIndex& index)
{
    if (!index.isValid() || !(m_model->flags(index) & Qt::ItemIsSelectable))
        return;
    const SearchResultModel::Row row = m_model->row(index.row()); // a copy: the rows may change below
    accept();
    switch (row.type) {
    case RowType::Action:
        m_actions.at(row.action)->trigger();
        break;
    case RowType::Person:
        m_navigator.openPerson(row.hit.person);
        break;
    case RowType::Hit:
        openHit(row.hit);
        break;
    case RowType::Section:
        break;
    }
}

} // namespace rapport::ui
