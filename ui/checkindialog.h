// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulse.h"

#include <QDialog>

#include <array>

class QComboBox;
class QDateTimeEdit;
class QPlainTextEdit;
class QPushButton;

namespace rapport::ui {

/// A human check-in: "Do you feel seen, heard, trusted?" asked by name in a one-on-one, each
/// answered from strongly disagree to strongly agree or left unsaid, with a note. It belongs to
/// the person (their page, prep sheet and health).
class CheckInDialog : public QDialog
{
    Q_OBJECT
public:
    /// `checkIn`: a new one (id 0, person and time set) or one to edit.
    CheckInDialog(const QString& personName, core::CheckIn checkIn, QWidget* parent = nullptr);

    core::CheckIn checkIn() const;
    /// The answer box of statement 0 (seen), 1 (heard) or 2 (trusted); item 0 is "not said", then 1 to 5.
    QComboBox* answerBox(int statement) const { return m_answers[static_cast<std::size_t>(statement)]; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPushButton* saveButton() const { return m_save; }

private:
    void updateSaveButton();

    core::CheckIn m_checkIn;
    std::array<QComboBox*, 3> m_answers{};
    QPlainTextEdit* m_note = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace rapport::ui
