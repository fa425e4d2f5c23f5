// Colour on or off (NO_COLOR, --no-color). Components ask the theme for a
// colour and get undefined when colour is off; every coloured thing also has a
// glyph or a word, so nothing is lost without colour.

import {createContext, useContext} from 'react';

export interface Theme {
	noColor: boolean;
	color(name: string | undefined): string | undefined;
}

export function makeTheme(noColor: boolean): Theme {
	return {noColor, color: name => (noColor ? undefined : name)};
}

export const ThemeContext = createContext<Theme>(makeTheme(false));

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
