// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "How did these go?": the past one-on-ones nobody marked, answered in one list instead of block by
// block, and what keeps a page's count of them current.

#include "core/meeting.h"
#include "core/result.h"
#include "core/series.h"
#include "core/storage/changeset.h"
#include "ui/commands.h"

#include <QDialog>
#include <QObject>

#include <functional>
#include <span>
#include <vector>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTimer;

namespace rapport::ui {

class PersonModel;

/// One row per unmarked one-on-one, newest first (the freshest are the ones remembered best, and
/// the person page reads newest first too): who and when, what became of it (not now, held,
/// skipped, moved), how it went (1–5, optional) and a short note. A quality or a note given to a
/// row still "not now" answers it "held". Apply (Enter) stores every answered row as one undo step
/// and closes; Esc cancels. With nothing to ask, it says so.
class HowDidTheyGoDialog final : public QDialog
{
    Q_OBJECT
public:
    /// The choices of a row's outcome box, in its order.
    enum Answer { NotNow, Held, Skipped, Moved };

    HowDidTheyGoDialog(const CommandContext& context, const PersonModel& people, std::vector<core::Meeting> unmarked,
                       std::function<core::Instant()> clock, QWidget* parent = nullptr);

    /// Opens it over `parent`, window-modal without blocking; it deletes itself when closed.
    static HowDidTheyGoDialog* review(const CommandContext& context, const PersonModel& people,
                                      std::vector<core::Meeting> unmarked, std::function<core::Instant()> clock, QWidget* parent);

    /// The rows' meetings, in the order shown.
    const std::vector<core::Meeting>& meetings() const { return m_meetings; }
    QComboBox* outcomeBox(std::size_t row) const { return m_rows[row].outcome; }
    QComboBox* qualityBox(std::size_t row) const { return m_rows[row].quality; }
    QLineEdit* noteEdit(std::size_t row) const { return m_rows[row].note; }
    QPushButton* allHeldButton() const { return m_allHeld; }
    QPushButton* applyButton() const { return m_apply; }
    /// The empty state's sentence; hidden when there are rows.
    QWidget* emptyState() const { return m_empty; }
    /// What the answered rows say, in the order shown.
    std::vector<core::OneOnOneOutcome> outcomes() const;

private:
    struct Row
    {
        QComboBox* outcome = nullptr;
        QComboBox* quality = nullptr;
        QLineEdit* note = nullptr;
    };
    void answered(std::size_t row);
    void followAnswers();
    void apply();

    CommandContext m_context;
    std::function<core::Instant()> m_clock;
    std::vector<core::Meeting> m_meetings;
    std::vector<QString> m_names;
    std::vector<Row> m_rows;
    QPushButton* m_allHeld = nullptr;
    QPushButton* m_apply = nullptr;
    QWidget* m_empty = nullptr;
};

/// The one-on-ones of the last core::kUnmarkedDays nobody marked, for a page that shows how many:
/// read at each refresh of the page, and kept current as time passes (a planned one ends, one grows
/// too old) by a timer that asks the page to refresh at that moment.
class UnmarkedOneOnOnes final : public QObject
{
public:
    using Read = std::function<core::Result<std::vector<core::Meeting>>(core::Instant from, core::Instant to)>;
    using ReadContacts = std::function<core::Result<std::vector<core::Interaction>>(const std::vector<core::PersonId>& people,
                                                                                   core::Instant from, core::Instant to)>;

    /// `read` gives the meetings of a period and `readContacts` its contacts (days are local to
    /// `zone`); `refresh` refreshes the page (through its PageRefresher).
    UnmarkedOneOnOnes(Read read, ReadContacts readContacts, core::Zone zone, std::function<core::Instant()> clock,
                      std::function<void()> refresh, QObject* parent);

    /// Reads the list again as of now and arms the timer. A failed read leaves it empty.
    core::Status read();
    /// Takes in a change the page heard: the meetings are read again only when it touched them (or
    /// it is the page's own request, or the last read is an hour old); otherwise the last read is
    /// taken again with the contacts read afresh (a contact logged changes the list, not the meetings).
    core::Status follow(const storage::ChangeSet& changes);
    /// The period whose meetings the list is made from, as of `now`.
    static std::pair<core::Instant, core::Instant> window(core::Instant now);
    /// The same from meetings already read (a page that read a period holding window() shares its
    /// read): only the candidates' contacts are read.
    core::Status take(std::span<const core::Meeting> meetings);
    const std::vector<core::Meeting>& meetings() const { return m_meetings; }
    int count() const { return static_cast<int>(m_meetings.size()); }
    /// When the list next changes by itself, as the last read saw it (none: not within a day).
    std::optional<core::Instant> nextChange() const { return m_next; }
    /// What the timer does when it fires: the page refreshes (tests call it after moving the clock).
    void elapse();

private:
    Read m_read;
    ReadContacts m_readContacts;
    core::Zone m_zone;
    std::function<core::Instant()> m_clock;
    std::function<void()> m_refresh;
    std::vector<core::Meeting> m_meetings;
    std::optional<core::Instant> m_next;
    std::vector<core::Meeting> m_lastRead; // the meetings of the last read(), kept for follow()
    std::optional<core::Instant> m_readAt;
    QTimer* m_timer = nullptr;
};

} // namespace rapport::ui
