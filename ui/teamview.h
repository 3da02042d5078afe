// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/team.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QChart;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace rapport::ui {

class PersonModel;
class TeamQueries;

/// A team's page: its health in one line (connection, recognition, norms, pulse, ruptures, wins to
/// celebrate); who is connected with whom (the matrix), isolated members, this week's pairings to
/// suggest (one click notes a pairing made) and peer contacts; recognition given and who has not
/// been recognised in 60 days; wins and their celebration; the team's norms and their quarterly
/// reviews. Everything is read through core::teamHealth, as `report team` reads it.
class TeamView : public QWidget
{
    Q_OBJECT
public:
    TeamView(const PageContext& page, const TeamQueries& queries, QWidget* parent = nullptr);
    ~TeamView() override;

    void refresh();
    /// Shows a team by name (any case); false when there is none.
    bool showTeam(const QString& name);
    std::optional<core::TeamId> currentTeam() const;
    /// Shows a team's Wins tab (This week's "celebrate" leads here).
    void showTeamWins(core::TeamId team);

    /// Notes that the pairing suggested in row `row` was made (a peer contact, now).
    bool notePairingMade(int row);
    /// Logs a contact between two members (LogPeerDialog when none are given).
    bool logPeerContact(core::PersonId a, core::PersonId b, const QString& note);
    /// Recognises a member: by me (`from` none: an appreciation contact too) or by another member.
    bool recognise(std::optional<core::PersonId> from, core::PersonId to, const QString& what, const QString& value);
    bool logWin(const QString& what);
    /// Marks the win in row `row` of the wins list celebrated today, saying how.
    bool celebrateWin(int row, const QString& how);
    /// Replaces the team's norms (the list as edited).
    bool setNorms(const QStringList& norms);
    bool reviewNorms(int rating, const QString& notes);

    QComboBox* teamBox() const { return m_team; }
    QLabel* summaryLabel() const { return m_summary; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* matrix() const { return m_matrix; }
    QListWidget* pairingList() const { return m_pairings; }
    QLabel* isolatedLabel() const { return m_isolated; }
    QTreeWidget* recognitionList() const { return m_recognitions; }
    QLabel* unrecognisedLabel() const { return m_unrecognised; }
    QTreeWidget* winList() const { return m_wins; }
    QListWidget* normList() const { return m_norms; }
    QTreeWidget* reviewList() const { return m_reviews; }
    /// Over time: connection density and recognition month by month; norms ratings beside the pulse.
    QChart* densityChart() const { return m_densityChart; }
    QChart* recognitionChart() const { return m_recognitionChart; }
    QChart* normsChart() const { return m_normsChart; }

private:
    struct Loaded;
    QWidget* buildConnection();
    QWidget* buildRecognition();
    QWidget* buildWins();
    QWidget* buildNorms();
    QWidget* buildTrends();
    void drawTrends();
    void fillTeams();
    void showCurrent();
    void fillConnection();
    void fillRecognition();
    void fillWins();
    void fillNorms();
    QString nameOf(core::PersonId person) const;
    void askPeerContact();
    void askRecognition();
    void askWin();
    void askCelebration();
    void askReview();

    CommandContext m_context;
    PersonModel& m_people;
    std::function<core::Instant()> m_clock;
    const TeamQueries& m_queries;
    std::unique_ptr<Loaded> m_loaded;

    QStackedWidget* m_pages = nullptr;
    QComboBox* m_team = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_matrix = nullptr;
    QListWidget* m_pairings = nullptr;
    QLabel* m_isolated = nullptr;
    QTreeWidget* m_recognitions = nullptr;
    QLabel* m_unrecognised = nullptr;
    QTreeWidget* m_wins = nullptr;
    QListWidget* m_norms = nullptr;
    QLabel* m_normsNote = nullptr;
    QTreeWidget* m_reviews = nullptr;
    QChart* m_densityChart = nullptr;
    QChart* m_recognitionChart = nullptr;
    QChart* m_normsChart = nullptr;
};

} // namespace rapport::ui
