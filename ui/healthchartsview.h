// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health.h"
#include "core/storage/changeset.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <optional>
#include <unordered_map>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;

namespace rapport::ui {

class HistoryQueries;
class Navigator;
class PageRefresher;
class PersonModel;

/// The Health charts, every series computed in core (core/trends.h) from the history in memory:
/// health over time for everyone, a kind or a person, with the ideal band; the rhythm kept per week
/// (expected vs held); today's states, clickable to list the people behind a bar; and a team's
/// trend against everyone. A date range drives the time series; hovering shows values; each chart
/// exports as PNG. Histories load on first show and then follow every change.
class HealthChartsView : public QWidget
{
    Q_OBJECT
public:
    enum Chart { HealthOverTime, RhythmKept, States, TeamTrend, ChartCount };

    HealthChartsView(const PageContext& page, const HistoryQueries& queries, QWidget* parent = nullptr);
    ~HealthChartsView() override;

    /// Recomputes every chart now (they otherwise follow changes while visible).
    void refresh();
    void setRange(QDate from, QDate to);
    QDateEdit* fromEdit() const { return m_from; }
    QDateEdit* toEdit() const { return m_to; }
    QComboBox* subjectBox() const { return m_subject; }
    QComboBox* rhythmKindBox() const { return m_rhythmKind; }
    QComboBox* teamBox() const { return m_team; }
    QChart* chart(Chart which) const;
    /// Writes a chart as a PNG image; false (and the error through Feedback) when it cannot.
    bool exportChart(Chart which, const QString& file);

private:
    struct Panel;
    QWidget* buildPanel(Chart which, const QString& title, QComboBox* selector);
    void follow(const storage::ChangeSet& changes);
    void loadHistories();
    void reloadHistories(const std::vector<core::PersonId>& people);
    void loadSkipped();
    void fillSelectors();
    void drawHealthOverTime();
    void drawRhythmKept();
    void drawStates();
    void drawTeamTrend();
    QString addTeamPulse(QChart* chart, const QString& team);
    void askExport(Chart which);

    CommandContext m_context;
    PersonModel& m_people;
    Navigator& m_navigator;
    const HistoryQueries& m_queries;
    std::unordered_map<core::PersonId, std::vector<core::Interaction>> m_histories;
    std::unordered_map<core::PersonId, std::vector<core::Instant>> m_skipped;
    bool m_historiesLoaded = false;

    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_subject = nullptr;
    QComboBox* m_rhythmKind = nullptr;
    QComboBox* m_team = nullptr;
    std::vector<QChartView*> m_views;
    struct Computed;
    std::unique_ptr<Computed> m_computed;
    PageRefresher* m_refresher = nullptr;
};

} // namespace rapport::ui
