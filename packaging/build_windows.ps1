<#
.SYNOPSIS
    Build CCHC Desktop for Windows: the one-folder bundle, its smoke test, a portable zip and the
    Inno Setup installer.

.DESCRIPTION
    Run from a PowerShell window in the repository (see docs/packaging.md for the prerequisites:
    Python 3.11 x64 from python.org, Inno Setup 6):

        powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1

    1. creates .venv with Python 3.11 x64 (the "py" launcher) unless it exists;
    2. pip install -e .[build]   (the project, pinned dependencies, PyInstaller);
    3. pyinstaller packaging\cchc.spec   -> dist\cchc-desktop\ (cchc-desktop.exe, cchc.exe, _internal\);
    4. a smoke test of the bundle (cchc --version, framework check, workspace init + score, the GUI
       offscreen with a screenshot);
    5. dist\CCHC-Desktop-<version>-portable.zip (the bundle + portable.txt, for a USB stick);
    6. Inno Setup: dist\installer\CCHC-Desktop-<version>-setup.exe.

    PyInstaller is not a cross-compiler: this must run on Windows.  It has NOT been run in the
    project's Linux environment; the Linux build (packaging/build_linux.sh) is the tested one.

.PARAMETER Python
    The interpreter that creates .venv (default: "py -3.11", i.e. the python.org launcher).

.PARAMETER Iscc
    Path of ISCC.exe when Inno Setup 6 is not in its usual place.

.PARAMETER NoInstaller
    Stop after the bundle, its smoke test and the portable zip.
#>
param(
    [string]$Python = "py -3.11",
    [string]$Iscc = "",
    [switch]$NoInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Step([string]$Text) { Write-Host "build: $Text" -ForegroundColor Cyan }

# Native programs do not stop the script on failure by themselves: check every exit code.
function Invoke-Native {
    param([Parameter(Mandatory)][string]$Exe, [string[]]$Arguments = @())
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed (exit $LASTEXITCODE): $Exe $($Arguments -join ' ')" }
}

# --- 1. virtual environment ---------------------------------------------------------------------
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Py)) {
    Step "creating .venv with $Python"
    $parts = $Python -split " "
    $pyArgs = @()
    if ($parts.Count -gt 1) { $pyArgs = $parts[1..($parts.Count - 1)] }
    Invoke-Native $parts[0] ($pyArgs + @("-m", "venv", $Venv))
}
$info = & $Py -c "import struct, sys; print('%d.%d %d' % (sys.version_info[0], sys.version_info[1], struct.calcsize('P') * 8))"
if ($info -ne "3.11 64") {
    throw ".venv runs Python '$info'; CCHC Desktop is built with Python 3.11 x64 (python.org). Delete .venv and retry."
}

# --- 2. dependencies ------------------------------------------------------------------------------
Step "pip install -e .[build]"
Invoke-Native $Py @("-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip")
Invoke-Native $Py @("-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", ".[build]")
$Version = (& $Py -c "import cchc_desktop; print(cchc_desktop.__version__)").Trim()

# --- 3. the bundle ----------------------------------------------------------------------------------
Step "PyInstaller: packaging\cchc.spec (version $Version)"
$Bundle = Join-Path $Root "dist\cchc-desktop"
if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
$watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-Native $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Root "dist"), "--workpath", (Join-Path $Root "build"), "packaging\cchc.spec")
$sizeMb = [math]::Round(((Get-ChildItem -Recurse -File $Bundle | Measure-Object -Sum Length).Sum / 1MB), 0)
Step "built dist\cchc-desktop in $([math]::Round($watch.Elapsed.TotalSeconds)) s, $sizeMb MB"

# --- 4. smoke test ------------------------------------------------------------------------------------
$Cchc = Join-Path $Bundle "cchc.exe"
$Gui = Join-Path $Bundle "cchc-desktop.exe"
$Tmp = Join-Path ([IO.Path]::GetTempPath()) ("cchc-smoke-" + [Guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory $Tmp | Out-Null
try {
    $out = (& $Cchc --version) -join "`n"
    if ($LASTEXITCODE -ne 0 -or $out -ne "cchc $Version") { throw "smoke: cchc --version printed '$out'" }
    Step "smoke: $out"
    foreach ($form in Get-ChildItem (Join-Path $Bundle "_internal\forms\*.json")) {
        if ($form.Name -like "*.schema.json") { continue }
        Invoke-Native $Cchc @("framework", "check", $form.FullName) | Out-Null
        Step "smoke: framework check $($form.Name): ok"
    }
    $Ws = Join-Path $Tmp "ws"
    Invoke-Native $Cchc @("workspace", "init", $Ws, "--role", "agency", "--framework", "mau-xa-2026",
        "--agency-code", "XA-01", "--agency-name", "UBND xa Thu", "--year", "2026") | Out-Null
    $score = (& $Cchc assess score $Ws --json) -join "`n"
    if ($LASTEXITCODE -ne 0 -or $score -notmatch '"final_points"') { throw "smoke: assess score failed: $score" }
    Step "smoke: workspace init + assess score: ok"
    # The GUI is a windowed program (no console to print to): ask it for a screenshot instead.
    $shot = Join-Path $Tmp "window.png"
    $env:QT_QPA_PLATFORM = "offscreen"
    try {
        $p = Start-Process -FilePath $Gui -ArgumentList @("`"$Ws`"", "--quit-after", "1500", "--screenshot", "`"$shot`"") -PassThru
        $null = $p.Handle  # keeps the process handle, without which ExitCode stays empty
        if (-not $p.WaitForExit(120000)) { $p.Kill(); throw "smoke: cchc-desktop did not quit within 2 minutes" }
        if ($p.ExitCode -ne 0) { throw "smoke: cchc-desktop exited with $($p.ExitCode)" }
    } finally {
        Remove-Item Env:\QT_QPA_PLATFORM -ErrorAction SilentlyContinue
    }
    if (-not (Test-Path $shot) -or (Get-Item $shot).Length -lt 1000) { throw "smoke: the GUI drew no window" }
    Step "smoke: cchc-desktop showed its window (screenshot $((Get-Item $shot).Length) bytes)"
} finally {
    Remove-Item -Recurse -Force $Tmp -ErrorAction SilentlyContinue
}

# --- 5. portable zip ------------------------------------------------------------------------------------
$Zip = Join-Path $Root "dist\CCHC-Desktop-$Version-portable.zip"
$Stage = Join-Path $Root "build\portable"
if (Test-Path $Stage) { Remove-Item -Recurse -Force $Stage }
New-Item -ItemType Directory $Stage | Out-Null
Copy-Item -Recurse $Bundle (Join-Path $Stage "CCHC Desktop")
Set-Content -Encoding ASCII -Path (Join-Path $Stage "CCHC Desktop\portable.txt") -Value @(
    "This file makes CCHC Desktop portable: the workspace and the settings are kept in this folder",
    "(workspace\ and settings\), nothing is written to the computer. Delete it to use %LOCALAPPDATA%.")
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Compress-Archive -Path (Join-Path $Stage "CCHC Desktop") -DestinationPath $Zip
Step "portable: $Zip"

# --- 6. installer -------------------------------------------------------------------------------------------
if ($NoInstaller) { Step "done (no installer: -NoInstaller)"; exit 0 }
if (-not $Iscc) {
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($onPath) { $candidates = @($onPath.Source) + $candidates }
    $Iscc = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php or pass -Iscc" }
Step "Inno Setup: $Iscc"
Invoke-Native $Iscc @("/Qp", "/DAppVersion=$Version", "/DBundleDir=$Bundle", "packaging\cchc-desktop.iss")
Step "installer: $(Join-Path $Root "dist\installer\CCHC-Desktop-$Version-setup.exe")"
