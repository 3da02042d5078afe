// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/maplayout.h"
#include "core/storage/changeset.h"
#include "ui/pagecontext.h"

#include <QPointer>
#include <QWidget>

#include <optional>
#include <unordered_map>

class QCheckBox;
class QComboBox;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;

namespace rapport::ui {

class MapQueries;
struct MapPerson;
class Navigator;
class PageRefresher;
class PersonSelection;
class MapScene;
class PersonModel;

/// The Map area: me at the centre, everyone who matters on rings around me, coloured by health.
/// Click a person for the side panel, double-click (or Enter) to open them, drag to pin (undoable),
/// Shift+drag onto another person to link the two (a menu of the kinds of link at the drop point),
/// right-click (or the menu key) for a person's menu, where a link can be removed; wheel to zoom,
/// drag the background to pan. Filters by kind, team and health; a search that
/// centres on the match; links between people and the bridges between groups on demand. The scene
/// is built when the area is first shown and follows every change after that.
class MapView : public QWidget
{
    Q_OBJECT
public:
    MapView(const PageContext& page, const MapQueries& queries, QWidget* parent = nullptr);
    ~MapView() override;

    /// Builds the scene now (it is otherwise built when first shown).
    void rebuild();
    /// Selects a person (the selection shared with every area) without announcing it back.
    void selectPerson(std::optional<core::PersonId> person);
    /// Opens the selected person (Enter, the side panel's button).
    void openSelected();
    std::optional<core::PersonId> selectedPerson() const;
    void fitToView();
    /// Clears every pin (one undo step).
    void resetLayout();
    /// Writes the whole map as a PNG image or, for a .pdf file, a PDF page.
    bool exportTo(const QString& file);
    /// Pops up `person`'s menu at `at` (global pixels): open, log a contact, remove one of their links.
    void showPersonMenu(core::PersonId person, QPoint at);
    /// The menu popped up last while it is open (a person's, or the kinds of link after a drop); for tests.
    QMenu* openMenu() const;

    QGraphicsView* canvas() const { return m_canvas; }
    MapScene* scene() const { return m_scene; }
    QWidget* sidePanel() const { return m_panel; }
    QLabel* panelTitle() const { return m_panelTitle; }
    QComboBox* kindFilter() const { return m_kind; }
    QComboBox* teamFilter() const { return m_team; }
    QComboBox* stateFilter() const { return m_state; }
    QLineEdit* searchEdit() const { return m_search; }
    QCheckBox* linksToggle() const { return m_links; }
    /// Point out: nobody, the bridges between groups, or isolated people.
    QComboBox* markBox() const { return m_mark; }

private:
    QWidget* buildToolbar();
    QWidget* buildPanel();
    QWidget* buildLegend();
    void applyFilter();
    MapPerson mapPerson(int row) const;
    void follow(const storage::ChangeSet& changes);
    void fillTeams();
    void search(bool next);
    void showPanel();
    void storePins(const std::unordered_map<core::PersonId, core::MapPoint>& moved);
    void askExport();
    void offerLinks(core::PersonId from, core::PersonId to, QPoint at);
    void popUp(QMenu* menu, QPoint at);
    QString nameOf(core::PersonId person) const;

    CommandContext m_context;
    PersonModel& m_people;
    Navigator& m_navigator;
    PersonSelection& m_selection;
    const MapQueries& m_queries;
    MapScene* m_scene = nullptr;
    QGraphicsView* m_canvas = nullptr;
    bool m_fitOnBuild = true;
    bool m_announce = true;
    bool m_waitingForRelease = false; ///< a refresh waits for a drag to end
    std::optional<core::PersonId> m_selected; // the shared selection, kept across rebuilds
    PageRefresher* m_refresher = nullptr;
    QPointer<QMenu> m_menu; ///< the menu popped up last, while it is open

    QLineEdit* m_search = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_team = nullptr;
    QComboBox* m_state = nullptr;
    QCheckBox* m_links = nullptr;
    QComboBox* m_mark = nullptr;
    QWidget* m_panel = nullptr;
    QLabel* m_panelTitle = nullptr;
    QLabel* m_panelKind = nullptr;
    QLabel* m_panelHealth = nullptr;
    QLabel* m_panelReasons = nullptr;
    QLabel* m_panelContact = nullptr;
    QLabel* m_panelNetwork = nullptr;
    QPushButton* m_panelLog = nullptr;
    QPushButton* m_panelOpen = nullptr;
};

} // namespace rapport::ui
