; Inno Setup 6 script: a per-user installer for the PyInstaller bundle.
;
; On a Windows build machine, from the checkout (Python 3.11+ and Inno Setup 6.3+ installed):
;   py -m venv .venv-build
;   .venv-build\Scripts\pip install -e .[postgres,packaging]
;   .venv-build\Scripts\pyinstaller --noconfirm --clean packaging\coprod-desktop.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\coprod-desktop.iss
; -> dist\coprod-desktop-<version>-setup.exe
;
; The version comes from the executables' version resource, which the spec writes from
; pyproject.toml; `ISCC /DAppVersion=1.2.3 ...` overrides it.
;
; Installs for the current user without administrator rights (into %LOCALAPPDATA%\Programs);
; IT can install for all users with `setup.exe /ALLUSERS` (run elevated) or by choosing so in the
; dialog. User data (the portfolio database, backups, the log) lives in %LOCALAPPDATA%\coprod and
; is never removed by the uninstaller.

#define AppName "coprod-desktop"
#define AppPublisher "coprod-desktop developers"
#define GuiExe "coprod-desktop.exe"
#define CliExe "coprod.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\coprod-desktop"
#if !FileExists(BundleDir + "\" + GuiExe)
  #error Build the bundle first (pyinstaller packaging\coprod-desktop.spec): dist\coprod-desktop\coprod-desktop.exe is missing
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + GuiExe, "ProductVersion")
#endif
; .coprod.json interchange files: Windows associates by the last extension only (.json), so the
; installer offers coprod-desktop in ".json -> Open with" instead of taking .json over.
#define ProgId "coprod-desktop.interchange"

[Setup]
; AppId identifies the application for upgrades and uninstall: never change it.
AppId={{2209378A-A8B3-4091-8478-BC937D8E0A6E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=MIT licence
VersionInfoVersion={#GetVersionNumbersString(BundleDir + "\" + GuiExe)}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile=..\..\resources\icons\coprod-desktop.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "da"; MessagesFile: "compiler:Languages\Danish.isl"

[CustomMessages]
en.AssocJson=Offer {#AppName} in "Open with" for .json files (.coprod.json exports)
da.AssocJson=Tilbyd {#AppName} under "Åbn med" for .json-filer (.coprod.json-eksporter)
en.InterchangeFile=coprod-desktop interchange file
da.InterchangeFile=coprod-desktop-udvekslingsfil
en.CommandLine=coprod command line
da.CommandLine=coprod-kommandolinje

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "assocjson"; Description: "{cm:AssocJson}"

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale: no stale DLL or plugin from an older Qt.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; HKA is HKCU\Software\Classes for a per-user install and HKLM\Software\Classes for all users.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:InterchangeFile}"; Flags: uninsdeletekey; Tasks: assocjson
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: assocjson
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" --import ""%1"""; Tasks: assocjson
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assocjson
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey; Tasks: assocjson
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: assocjson
; `coprod` from any console: App Paths lets Win+R and `start coprod` find it (PATH is left alone).
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\{#CliExe}"; ValueType: string; ValueName: ""; ValueData: "{app}\{#CliExe}"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
