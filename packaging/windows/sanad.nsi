; Sanad's Windows installer (NSIS 3, Modern UI 2), built from the PyInstaller one-folder build:
;
;   makensis /DVERSION=0.1.0 /DSOURCE=dist\sanad packaging\windows\sanad.nsi
;
; writes dist\sanad-<VERSION>-setup.exe (or /DOUTFILE=...). Relative paths are taken from the
; repository root, whichever folder makensis runs in. README.md beside this file has the steps.
;
; Two ways to install, chosen on the second page:
; - on this computer: for the person running Setup (no administrator), in
;   $LOCALAPPDATA\Programs\Sanad, with a Start menu shortcut, an optional desktop one and an
;   uninstaller in Settings > Apps (HKCU). Data lives in $LOCALAPPDATA\Sanad, outside the
;   program folder: installing a newer version over an older one replaces only the program,
;   and the uninstaller never deletes the data.
; - portable (a USB stick): the program is copied to a folder the person picks, with an empty
;   file sanad.portable beside sanad.exe; the program then keeps its data in SanadData beside
;   itself (desktop/core/paths.py). No shortcut, no uninstaller, nothing in the registry.
;
; Command line: /S (silent), /D=<folder> (where to install), /PORTABLE=<folder> (portable).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Say which version this is: makensis /DVERSION=0.1.0 ..."
!endif
!searchparse /noerrors "${VERSION}" "" VERSION_MAJOR "." VERSION_MINOR "." VERSION_PATCH
!ifndef VERSION_PATCH
  !error "VERSION must be MAJOR.MINOR.PATCH (like 0.1.0), not '${VERSION}'"
!endif
!ifndef SOURCE
  !error "Say where the PyInstaller build is: makensis /DSOURCE=dist\sanad ..."
!endif

!define HERE "${__FILEDIR__}"
!cd "${HERE}/../.."  ; "/": makensis on Linux (the tests) takes no "\" here, Windows takes both
!if ! /FileExists "${SOURCE}\sanad.exe"
  !error "${SOURCE}\sanad.exe does not exist: build the program first (pyinstaller packaging\pyinstaller\sanad.spec) and give its folder as /DSOURCE="
!endif
; A build that has been run as a portable Sanad holds its data: that must not go into Setup.
!if /FileExists "${SOURCE}\sanad.portable"
  !error "${SOURCE}\sanad.portable exists: this build has been used as a portable Sanad. Build it again (or delete sanad.portable and SanadData there)"
!endif
!if /FileExists "${SOURCE}\SanadData"
  !error "${SOURCE}\SanadData exists: a portable Sanad's data is in the build. Build it again (or delete SanadData there)"
!endif
!define /ifndef OUTFILE "dist\sanad-${VERSION}-setup.exe"

!define EXE "sanad.exe"
!define ICON_FILE "${HERE}\..\..\resources\icons\sanad.ico"
!define REG_KEY "Software\Sanad"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Sanad"
!define UNINSTALLER "Uninstall Sanad.exe"
!define PORTABLE_MARKER "sanad.portable"
!define PORTABLE_DATA "SanadData"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"

Name "$(SANAD_NAME)"  ; "Sanad", "سند"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Sanad"
InstallDirRegKey HKCU "${REG_KEY}" "InstallDir"
BrandingText "Sanad ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"
VIFileVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"

Var Portable        ; 1: portable, 0: on this computer
Var InstalledDir    ; the folder each mode last showed, kept while the person goes back and forth
Var PortableDir
Var FinishText
Var ModeInstalledRadio
Var ModePortableRadio

;--------------------------------
; Pages

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALWAYSSHOW
!define MUI_LANGDLL_WINDOWTITLE "Sanad"
!define MUI_LANGDLL_INFO "Please choose a language.$\r$\nزبان منتخب کریں۔"
!define MUI_COMPONENTSPAGE_SMALLDESC

!define MUI_WELCOMEPAGE_TEXT "$(SANAD_WELCOME_TEXT)"
!insertmacro MUI_PAGE_WELCOME

Page custom ModePageShow ModePageLeave

!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPortable
!insertmacro MUI_PAGE_COMPONENTS

!define MUI_PAGE_CUSTOMFUNCTION_PRE InstalledDirPre
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirLeave
!define MUI_DIRECTORYPAGE_TEXT_TOP "$(SANAD_DIR_INSTALLED_TEXT)"
!insertmacro MUI_PAGE_DIRECTORY

!define MUI_PAGE_CUSTOMFUNCTION_PRE PortableDirPre
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirLeave
!define MUI_PAGE_HEADER_TEXT "$(SANAD_DIR_PORTABLE_TITLE)"
!define MUI_PAGE_HEADER_SUBTEXT "$(SANAD_DIR_PORTABLE_SUBTITLE)"
!define MUI_DIRECTORYPAGE_TEXT_TOP "$(SANAD_DIR_PORTABLE_TEXT)"
!define MUI_DIRECTORYPAGE_TEXT_DESTINATION "$(SANAD_DIR_PORTABLE_DESTINATION)"
!insertmacro MUI_PAGE_DIRECTORY

!insertmacro MUI_PAGE_INSTFILES

!define MUI_PAGE_CUSTOMFUNCTION_PRE FinishPre
!define MUI_FINISHPAGE_TEXT "$FinishText"
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "$(SANAD_FINISH_RUN)"
!define MUI_FINISHPAGE_RUN_FUNCTION OpenSanad
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(SANAD_UNINSTALL_TEXT)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(SANAD_UNFINISH_TEXT)"
!insertmacro MUI_UNPAGE_FINISH

;--------------------------------
; Languages: NSIS's English, and the Urdu beside this script (NSIS ships no Urdu).

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGEEX "${HERE}" "Urdu"
!insertmacro LANGFILE_INCLUDE "${HERE}\sanad-en.nsh"
!insertmacro LANGFILE_INCLUDE "${HERE}\sanad-ur.nsh"
!insertmacro MUI_RESERVEFILE_LANGDLL

VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Sanad"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Sanad ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "Sanad contributors"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Sanad contributors, AGPL-3.0-or-later"

;--------------------------------
; Shared by Setup and the uninstaller (NSIS wants "un." before the uninstaller's functions)

!macro SANAD_SHARED_FUNCTIONS un
; Waits until no Sanad runs from $INSTDIR: a running program's files cannot be replaced.
Function ${un}StopIfRunning
  ${IfNot} ${FileExists} "$INSTDIR\${EXE}"
    Return
  ${EndIf}
  ${Do}
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      Return
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(SANAD_RUNNING)" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
FunctionEnd

; Removes every file and folder of the program in $INSTDIR, but never a portable Sanad's data
; nor its marker. The search starts over after each removal: deleting while listing a folder
; is unreliable on the FAT32 of USB sticks.
Function ${un}RemoveProgramFiles
  ${Do}
    StrCpy $R2 ""
    ClearErrors
    FindFirst $R0 $R1 "$INSTDIR\*"
    ${DoUntil} ${Errors}
      ${If} $R1 != "."
      ${AndIf} $R1 != ".."
      ${AndIf} $R1 != "${PORTABLE_DATA}"
      ${AndIf} $R1 != "${PORTABLE_MARKER}"
        StrCpy $R2 $R1
        ${ExitDo}
      ${EndIf}
      FindNext $R0 $R1
    ${Loop}
    FindClose $R0
    ${If} $R2 == ""
      ${ExitDo}
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\$R2\*.*"
      RMDir /r "$INSTDIR\$R2"
    ${Else}
      Delete "$INSTDIR\$R2"
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\$R2"
      DetailPrint "$(^CantWrite)$INSTDIR\$R2"
      ${ExitDo}
    ${EndIf}
  ${Loop}
FunctionEnd
!macroend

!insertmacro SANAD_SHARED_FUNCTIONS ""
!insertmacro SANAD_SHARED_FUNCTIONS "un."

;--------------------------------
; Setup


Function ModePageShow
  !insertmacro MUI_HEADER_TEXT "$(SANAD_MODE_TITLE)" "$(SANAD_MODE_SUBTITLE)"
  nsDialogs::Create 1018
  Pop $0
  ${If} $0 == error
    Abort
  ${EndIf}
  ${NSD_CreateRadioButton} 0 0 100% 12u "$(SANAD_MODE_INSTALLED)"
  Pop $ModeInstalledRadio
  ${NSD_AddStyle} $ModeInstalledRadio ${WS_GROUP}
  ${NSD_CreateLabel} 12u 14u -12u 36u "$(SANAD_MODE_INSTALLED_INFO)"
  Pop $0
  ${NSD_CreateRadioButton} 0 56u 100% 12u "$(SANAD_MODE_PORTABLE)"
  Pop $ModePortableRadio
  ${NSD_CreateLabel} 12u 70u -12u 48u "$(SANAD_MODE_PORTABLE_INFO)"
  Pop $0
  ${If} $Portable == 1
    ${NSD_Check} $ModePortableRadio
  ${Else}
    ${NSD_Check} $ModeInstalledRadio
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function ModePageLeave
  ${NSD_GetState} $ModePortableRadio $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Portable 1
  ${Else}
    StrCpy $Portable 0
  ${EndIf}
FunctionEnd

Function SkipWhenPortable
  ${If} $Portable == 1
    Abort
  ${EndIf}
FunctionEnd

Function InstalledDirPre
  ${If} $Portable == 1
    Abort
  ${EndIf}
  StrCpy $INSTDIR $InstalledDir
FunctionEnd

Function PortableDirPre
  ${If} $Portable != 1
    Abort
  ${EndIf}
  StrCpy $INSTDIR $PortableDir
FunctionEnd

; Why $INSTDIR cannot take this kind of installation, in $0 ("" when it can). Sanad gets a folder
; of its own, so that replacing or removing the program never touches anything else.
Function CheckFolder
  StrCpy $0 ""
  ${If} ${FileExists} "$INSTDIR\${PORTABLE_MARKER}"
    ${If} $Portable != 1
      StrCpy $0 "$(SANAD_DIR_IS_PORTABLE)"
    ${EndIf}
    Return
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ${If} $Portable == 1
      StrCpy $0 "$(SANAD_DIR_IS_INSTALLED)"
    ${EndIf}
    Return
  ${EndIf}
  ClearErrors
  FindFirst $1 $2 "$INSTDIR\*"
  ${DoUntil} ${Errors}
    ${If} $2 != "."
    ${AndIf} $2 != ".."
    ${AndIf} $2 != ""
      StrCpy $0 "$(SANAD_DIR_NOT_EMPTY)"
      ${ExitDo}
    ${EndIf}
    FindNext $1 $2
  ${Loop}
  FindClose $1
FunctionEnd

Function DirLeave
  ${If} $Portable == 1
    StrCpy $PortableDir $INSTDIR
  ${Else}
    StrCpy $InstalledDir $INSTDIR
  ${EndIf}
  Call CheckFolder
  ${If} $0 != ""
    MessageBox MB_OK|MB_ICONEXCLAMATION "$0"
    Abort
  ${EndIf}
FunctionEnd

Section "$(SANAD_SECTION_PROGRAM)" SecProgram
  SectionIn RO
  ; Checked again here: a silent Setup (/S /D=...) has no pages.
  Call CheckFolder
  ${If} $0 != ""
    MessageBox MB_OK|MB_ICONSTOP "$0" /SD IDOK
    SetErrorLevel 2
    Abort
  ${EndIf}
  Call StopIfRunning

  ${If} $Portable != 1
    ; Installed elsewhere before: that copy goes (its uninstaller keeps the data, as always).
    ReadRegStr $0 HKCU "${REG_KEY}" "InstallDir"
    ${If} $0 != ""
    ${AndIf} $0 != $INSTDIR
    ${AndIf} ${FileExists} "$0\${UNINSTALLER}"
      ExecWait '"$0\${UNINSTALLER}" /S _?=$0'
      Delete "$0\${UNINSTALLER}"
      RMDir "$0"
    ${EndIf}
  ${EndIf}

  ; An upgrade: the old program goes first, so no file of it lingers beside the new one.
  Call RemoveProgramFiles
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*"
  File "/oname=sanad.ico" "${ICON_FILE}"

  ${If} $Portable == 1
    ClearErrors
    FileOpen $0 "$INSTDIR\${PORTABLE_MARKER}" w
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "$(SANAD_MARKER_FAILED)" /SD IDOK
      SetErrorLevel 2
      Abort
    ${EndIf}
    FileClose $0
    Return
  ${EndIf}

  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  WriteRegStr HKCU "${REG_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${REG_KEY}" "Installer Language" "$LANGUAGE"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "Sanad"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Sanad contributors"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\sanad.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
  ; Shortcuts of the version before, made again below as chosen.
  Delete "$SMPROGRAMS\Sanad.lnk"
  Delete "$DESKTOP\Sanad.lnk"
SectionEnd

Section "$(SANAD_SECTION_STARTMENU)" SecStartMenu
  SectionIn RO
  ${If} $Portable != 1
    CreateShortCut "$SMPROGRAMS\Sanad.lnk" "$INSTDIR\${EXE}" "gui" "$INSTDIR\sanad.ico" 0
  ${EndIf}
SectionEnd

Section "$(SANAD_SECTION_DESKTOP)" SecDesktop
  ${If} $Portable != 1
    CreateShortCut "$DESKTOP\Sanad.lnk" "$INSTDIR\${EXE}" "gui" "$INSTDIR\sanad.ico" 0
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(SANAD_DESC_PROGRAM)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartMenu} "$(SANAD_DESC_STARTMENU)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SANAD_DESC_DESKTOP)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ; Start in the language chosen last time, then let the person choose.
  ReadRegStr $0 HKCU "${REG_KEY}" "Installer Language"
  ${If} $0 != ""
    StrCpy $LANGUAGE $0
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY

  StrCpy $Portable 0
  StrCpy $InstalledDir $INSTDIR
  StrCpy $PortableDir "$EXEDIR"
  StrCpy $0 $PortableDir 1 -1
  ${If} $0 == "\"
    StrCpy $PortableDir $PortableDir -1
  ${EndIf}
  StrCpy $PortableDir "$PortableDir\Sanad"
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/PORTABLE=" $1
  ${IfNot} ${Errors}
    StrCpy $Portable 1
    StrCpy $PortableDir $1
    StrCpy $INSTDIR $1
  ${EndIf}

  ; An upgrade keeps the choice of a desktop shortcut made the first time.
  ReadRegStr $0 HKCU "${REG_KEY}" "InstallDir"
  ${If} $0 != ""
  ${AndIfNot} ${FileExists} "$DESKTOP\Sanad.lnk"
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

Function FinishPre
  ${If} $Portable == 1
    StrCpy $FinishText "$(SANAD_FINISH_PORTABLE)"
  ${Else}
    StrCpy $FinishText "$(SANAD_FINISH_INSTALLED)"
  ${EndIf}
FunctionEnd

Function OpenSanad
  Exec '"$INSTDIR\${EXE}" gui'
FunctionEnd

;--------------------------------
; Uninstaller: the program, its shortcuts and registry entries. Never the data.

Function un.onInit
  ReadRegStr $0 HKCU "${REG_KEY}" "Installer Language"
  ${If} $0 != ""
    StrCpy $LANGUAGE $0
  ${Else}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Call un.StopIfRunning
  ; Only a folder that holds Sanad is emptied (the uninstaller may have been copied elsewhere).
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    Call un.RemoveProgramFiles
  ${Else}
    Delete "$INSTDIR\${UNINSTALLER}"
    Delete "$INSTDIR\sanad.ico"
  ${EndIf}
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Sanad.lnk"
  Delete "$DESKTOP\Sanad.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${REG_KEY}"
SectionEnd
