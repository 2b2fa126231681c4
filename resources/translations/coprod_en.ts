<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name>ConflictDialog</name>
        <message numerus="yes">
            <source>(%n row(s) of the other version missing)</source>
            <translation>
                <numerusform>(%n row of the other version missing)</numerusform>
                <numerusform>(%n rows of the other version missing)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n added</source>
            <translation>
                <numerusform>%n added</numerusform>
                <numerusform>%n added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n changed</source>
            <translation>
                <numerusform>%n changed</numerusform>
                <numerusform>%n changed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n deleted</source>
            <translation>
                <numerusform>%n deleted</numerusform>
                <numerusform>%n deleted</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConnectionBanner</name>
        <message numerus="yes">
            <source>%n initiative(s) will be saved when the connection returns.</source>
            <translation>
                <numerusform>%n initiative will be saved when the connection returns.</numerusform>
                <numerusform>%n initiatives will be saved when the connection returns.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message numerus="yes">
            <source>%n initiative(s) — click to show them</source>
            <translation>
                <numerusform>%n initiative — click to show it</numerusform>
                <numerusform>%n initiatives — click to show them</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message numerus="yes">
            <source>Problems (%n):</source>
            <translation>
                <numerusform>Problems (%n):</numerusform>
                <numerusform>Problems (%n):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found. Nothing has been written. Correct the file and press Check again, or go back and change the column choices.</source>
            <translation>
                <numerusform>%n problem found. Nothing has been written. Correct the file and press Check again, or go back and change the column choices.</numerusform>
                <numerusform>%n problems found. Nothing has been written. Correct the file and press Check again, or go back and change the column choices.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n initiative(s) are ready to import. Nothing has been written yet.</source>
            <translation>
                <numerusform>%n initiative is ready to import. Nothing has been written yet.</numerusform>
                <numerusform>%n initiatives are ready to import. Nothing has been written yet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InitiativeEditor</name>
        <message numerus="yes">
            <source>Not saved: %n field(s) need attention (marked below).</source>
            <translation>
                <numerusform>Not saved: %n field needs attention (marked below).</numerusform>
                <numerusform>Not saved: %n fields need attention (marked below).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>%n selected</numerusform>
                <numerusform>%n selected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n initiative(s) changed</source>
            <translation>
                <numerusform>%n initiative changed</numerusform>
                <numerusform>%n initiatives changed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PersonsView</name>
        <message numerus="yes">
            <source>%n person(s) kept beyond their retention date</source>
            <translation>
                <numerusform>%n person kept beyond their retention date</numerusform>
                <numerusform>%n people kept beyond their retention date</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n natural person(s)</source>
            <translation>
                <numerusform>%n natural person</numerusform>
                <numerusform>%n natural persons</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PortfolioView</name>
        <message numerus="yes">
            <source>Showing %n initiative(s) from the dashboard: %1</source>
            <translation>
                <numerusform>Showing %n initiative from the dashboard: %1</numerusform>
                <numerusform>Showing %n initiatives from the dashboard: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Drafts</name>
        <message numerus="yes">
            <source>The program ended before %n initiative(s) were saved. Restore the unsaved changes?</source>
            <translation>
                <numerusform>The program ended before %n initiative was saved. Restore the unsaved changes?</numerusform>
                <numerusform>The program ended before %n initiatives were saved. Restore the unsaved changes?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MyWorkView</name>
        <message numerus="yes">
            <source>%1 made %n change(s)</source>
            <translation>
                <numerusform>%1 made %n change</numerusform>
                <numerusform>%1 made %n changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Outcomes</name>
        <message numerus="yes">
            <source>%n outcomes measured against a target</source>
            <translation>
                <numerusform>%n outcome measured against a target</numerusform>
                <numerusform>%n outcomes measured against a target</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reached it</source>
            <translation>
                <numerusform>%n reached it</numerusform>
                <numerusform>%n reached it</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n assessed together with citizens</source>
            <translation>
                <numerusform>%n assessed together with citizens</numerusform>
                <numerusform>%n assessed together with citizens</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Attachments</name>
        <message numerus="yes">
            <source>Kept %n file(s) with the initiative.</source>
            <translation>
                <numerusform>Kept %n file with the initiative.</numerusform>
                <numerusform>Kept %n files with the initiative.</numerusform>
            </translation>
        </message>
    </context>
</TS>
