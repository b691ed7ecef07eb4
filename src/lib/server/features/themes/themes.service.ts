// What other features may ask of themes: a municipality's themes, and adding one inside the caller's
// transaction. The queries stay private to this feature (the lint boundaries enforce it).
export { insertTheme, listThemes, listThemesOfMunicipalities } from './themes.queries';
