// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/welcomepage.h"

#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

QFrame* card(const QString& title, const QString& text, QPushButton* button, QWidget* parent)
{
    auto* frame = cardFrame(parent);
    auto* layout = new QVBoxLayout(frame);
    layout->addWidget(heading(title, 1.25, frame));
    auto* body = new QLabel(text, frame);
    body->setWordWrap(true);
    layout->addWidget(body);
    layout->addSpacing(frame->fontMetrics().height() / 2);
    layout->addWidget(button, 0, Qt::AlignLeft);
    return frame;
}

// Splits "Ana Lopez, Ben Kim; Chen Wei" into names.
QStringList namesIn(const QString& text)
{
    QStringList names;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,;\\n]")), Qt::SkipEmptyParts))
        if (const QString name = part.simplified(); !name.isEmpty())
            names << name;
    return names;
}

} // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent)
{
    auto* audit = new QPushButton(tr("&Audit your relationships"), this);
    auto* sample = new QPushButton(tr("Explore with &sample data"), this);
    audit->setDefault(true);

    auto* cards = new QGridLayout;
    cards->addWidget(card(tr("Start with your people"),
                          tr("Name your boss, peers, direct reports, mentors and confidants. It takes a minute; "
                             "Rapport sets a sensible rhythm for each."),
                          audit, this),
                     0, 0);
    cards->addWidget(card(tr("Look around first"),
                          tr("Open a realistic team of 40 people with two years of history, to see what "
                             "Rapport shows once it knows your relationships."),
                          sample, this),
                     0, 1);

    auto* column = new QVBoxLayout;
    column->addWidget(heading(tr("Welcome to Rapport"), 2.0, this));
    auto* intro = new QLabel(tr("Strong relationships are built on purpose: a little time, often, with the people "
                                "who matter. Rapport helps you see who needs you and keep the rhythm."),
                             this);
    intro->setWordWrap(true);
    column->addWidget(intro);
    column->addSpacing(fontMetrics().height());
    column->addLayout(cards);
    column->addStretch();

    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 4);
    outer->addStretch(1);
    outer->setContentsMargins(0, fontMetrics().height() * 3, 0, 0);

    connect(audit, &QPushButton::clicked, this, &WelcomePage::auditRequested);
    connect(sample, &QPushButton::clicked, this, &WelcomePage::sampleDataRequested);
}

AuditForm::AuditForm(QWidget* parent) : QWidget(parent)
{
    using K = core::RelationshipKind;
    const std::pair<K, QString> prompts[] = {
        {K::Boss, tr("Who is your boss?")},
        {K::Peer, tr("Your peers: the people at your level you depend on")},
        {K::DirectReport, tr("Your direct reports")},
        {K::Mentor, tr("Your mentors: who helps you grow?")},
        {K::Confidant, tr("Your confidants: whom do you trust with hard things?")},
    };
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    for (const auto& [kind, prompt] : prompts) {
        auto* edit = new QLineEdit(this);
        edit->setPlaceholderText(kind == K::Boss ? tr("A name") : tr("Names, separated by commas"));
        edit->setToolTip(tr("Rhythm: %1").arg(wording::cadence(core::defaultCadence(kind))));
        edit->setAccessibleName(wording::kindPluralName(kind));
        form->addRow(prompt, edit);
        m_fields.emplace_back(kind, edit);
        connect(edit, &QLineEdit::textChanged, this, &AuditForm::updateSubmit);
    }

    m_submit = new QPushButton(tr("Add these people"), this);
    m_submit->setDefault(true);
    auto* cancel = new QPushButton(tr("Back"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(m_submit);

    auto* intro = new QLabel(tr("Names only; you can add details later. Direct reports get a 30-minute one-on-one "
                                "every week; mentors, peers and confidants a monthly conversation."),
                             this);
    intro->setWordWrap(true);

    auto* column = new QVBoxLayout;
    column->addWidget(heading(tr("Audit your relationships"), 1.75, this));
    column->addWidget(intro);
    column->addSpacing(fontMetrics().height());
    column->addLayout(form);
    column->addLayout(buttons);
    column->addStretch();

    auto* outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);
    outer->setContentsMargins(0, fontMetrics().height() * 2, 0, 0);

    connect(m_submit, &QPushButton::clicked, this, &AuditForm::submitted);
    connect(cancel, &QPushButton::clicked, this, &AuditForm::cancelled);
    for (const auto& field : m_fields)
        connect(field.second, &QLineEdit::returnPressed, m_submit, &QPushButton::click);
    updateSubmit();
}

std::vector<storage::PersonDraft> AuditForm::drafts(const std::vector<core::KindCadence>& kindRhythms) const
{
    std::vector<storage::PersonDraft> drafts;
    for (const auto& [kind, edit] : m_fields) {
        QStringList names = namesIn(edit->text());
        if (kind == core::RelationshipKind::Boss && names.size() > 1)
            names = names.mid(0, 1);
        for (const QString& name : names) {
            storage::PersonDraft draft;
            draft.person.name = name.toStdString();
            draft.person.tie = core::defaultTie(kind, kindRhythms);
            drafts.push_back(std::move(draft));
        }
    }
    return drafts;
}

void AuditForm::clear()
{
    for (const auto& field : m_fields)
        field.second->clear();
}

QLineEdit* AuditForm::field(core::RelationshipKind kind) const
{
    for (const auto& [k, edit] : m_fields)
        if (k == kind)
            return edit;
    return nullptr;
}

void AuditForm::updateSubmit()
{
    m_submit->setEnabled(!drafts({}).empty());
}

} // namespace rapport::ui
