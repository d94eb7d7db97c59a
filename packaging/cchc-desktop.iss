; Inno Setup 6 script of the CCHC Desktop installer (Windows 10/11, x64).
; Saved as UTF-8 with a byte-order mark, so that Inno Setup reads the Vietnamese texts right.
;
; Built by packaging\build_windows.ps1, which passes the version and the bundle folder:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=C:\src\cchc\dist\cchc-desktop packaging\cchc-desktop.iss
; Output: dist\installer\CCHC-Desktop-<version>-setup.exe
;
; - Installs for the current user, without administrator rights, into
;   %LOCALAPPDATA%\Programs\CCHC Desktop (an administrator may choose "all users" instead).
; - Start-menu shortcuts for the application and the uninstaller; a desktop icon on request.
; - Setup speaks Vietnamese (the default, whatever the language of Windows) or English.
; - The application's data (workspaces, keys, settings) lives in %LOCALAPPDATA%\CCHC Desktop and
;   the registry, never in the program folder: upgrading or uninstalling leaves it alone.
;   Portable use (a USB stick) does not need this installer: see docs/packaging.md.
;
; Untested in our Linux environment (Inno Setup runs on Windows only).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\cchc-desktop"
#endif
#define AppName "CCHC Desktop"
#define AppExe "cchc-desktop.exe"

; Vietnamese.isl ships with some Inno Setup 6 releases and is an "unofficial" translation in
; others: take the compiler's copy when it has one, else packaging\Vietnamese.isl (download it
; from https://jrsoftware.org/files/istrans/ - see docs/packaging.md).
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#elif FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#else
  #error Vietnamese.isl not found: put it in packaging\ (https://jrsoftware.org/files/istrans/), see docs/packaging.md
#endif

[Setup]
; AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{1F470966-41D3-4600-A51E-F3D850883FC2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CCHC Desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per-user by default (no UAC prompt); "Install for all users" stays possible for an administrator.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or later.
MinVersion=10.0
; relative paths are relative to this script's folder
OutputDir=..\dist\installer
OutputBaseFilename=CCHC-Desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Vietnamese first, whatever the language of Windows (office PCs often run an English Windows);
; the first dialog offers English.
LanguageDetectionMethod=none
ShowLanguageDialog=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "vietnamese"; MessagesFile: "{#VietnameseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vietnamese.AppComment=Tự đánh giá và thẩm định Chỉ số cải cách hành chính (làm việc không cần mạng)
english.AppComment=Self-assessment and appraisal of the administrative reform index (works offline)
vietnamese.LaunchApp=Mở CCHC Desktop ngay
english.LaunchApp=Start CCHC Desktop now

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the runtime completely: no module of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\cchc.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
; Never portable.txt or workspace\ here: an installed copy keeps its data in %LOCALAPPDATA%.

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may have written caches next to the migrations; the user's data is elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal"
