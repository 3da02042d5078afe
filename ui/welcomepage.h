// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/peoplerepository.h"

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace rapport::ui {

/// The first start on an empty database: begin with your own relationships, or explore sample data.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

signals:
    void auditRequested();
    void sampleDataRequested();
};

/// "Audit your relationships": a one-minute form that asks for names by relationship kind and creates
/// those people with the default rhythm of their kind.
class AuditForm : public QWidget
{
    Q_OBJECT
public:
    explicit AuditForm(QWidget* parent = nullptr);

    /// One draft per name typed, with the default tie of the field it was typed in.
    /// The people named, each with the rhythm of their kind (`kindRhythms`: the user's defaults).
    std::vector<storage::PersonDraft> drafts(const std::vector<core::KindCadence>& kindRhythms) const;
    void clear();

    QLineEdit* field(core::RelationshipKind kind) const;

signals:
    void submitted();
    void cancelled();

private:
    void updateSubmit();

    std::vector<std::pair<core::RelationshipKind, QLineEdit*>> m_fields;
    QPushButton* m_submit = nullptr;
};

} // namespace rapport::ui
