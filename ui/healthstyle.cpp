// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/healthstyle.h"

#include <QPainter>
#include <QPixmap>

#include <array>

namespace rapport::ui {

QColor stateColor(core::HealthState state)
{
    switch (state) {
    case core::HealthState::Strong: return QColor(0x00, 0x9E, 0x73);
    case core::HealthState::Steady: return QColor(0x56, 0xB4, 0xE9);
    case core::HealthState::Drifting: return QColor(0xE6, 0x9F, 0x00);
    case core::HealthState::Neglected: return QColor(0xD5, 0x5E, 0x00);
    // New is neither good nor bad yet: a soft violet, apart from the health scale and from grey.
    case core::HealthState::New: return QColor(0xA9, 0x94, 0xD1);
    case core::HealthState::Unplanned: return QColor(0x99, 0x99, 0x99);
    }
    return QColor(0x99, 0x99, 0x99);
}

QIcon stateChip(core::HealthState state)
{
    // Built once per state; item views ask for it on every paint.
    static std::array<QIcon, core::kAllHealthStates.size()> chips;
    QIcon& chip = chips[static_cast<std::size_t>(state)];
    if (chip.isNull()) {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(stateColor(state));
        painter.drawEllipse(QRectF(4, 4, 24, 24));
        chip = QIcon(pixmap);
    }
    return chip;
}

} // namespace rapport::ui
